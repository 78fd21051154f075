import { SAME_COST_ULPS } from '../comparison/tolerance.js';
import { GradcheckError } from '../gradcheck-error.js';
import type { CostEvaluator } from './cost-evaluator.js';

/**
 * Runs the perturbation loop `run`; when it throws (a perturbed forward that threw or returned
 * NaN, say), first runs `intact` (which throws, naming the culprit, when a call wrote to its
 * inputs), then evaluates J again at the restored parameters: a J that moved, or a forward that
 * now fails where it worked, means the forward is not deterministic, and that is the error to name.
 */
export function recheckOnFailure<T>(cost: CostEvaluator, initialCost: number, run: () => T, intact: () => void): T {
  try {
    return run();
  } catch (error) {
    intact();
    let again: number;
    try {
      again = cost.evaluate();
    } catch {
      throw new GradcheckError(
        `forward is not deterministic: it gave J = ${initialCost} at the parameters as given, then failed there. ${CAUSES}`,
        { cause: error },
      );
    }
    assertDeterministic(initialCost, again, 'after a perturbed forward failed', error);
    throw error;
  }
}

/**
 * Throws unless two costs at the same parameters agree within rounding (SAME_COST_ULPS of |J|;
 * deterministic code gives the very same bits): otherwise every central difference would measure
 * the randomness, not the gradient.
 */
export function assertDeterministic(first: number, second: number, when: string, cause?: unknown): void {
  if (Math.abs(first - second) <= SAME_COST_ULPS * Number.EPSILON * Math.max(Math.abs(first), Math.abs(second))) return;
  throw new GradcheckError(
    `forward is not deterministic: it gave J = ${first} and J = ${second} at the same parameters, ${when}. ${CAUSES}`,
    cause === undefined ? undefined : { cause },
  );
}

const CAUSES = 'Dropout, unseeded noise, or state kept between calls? Seed or disable it for the check.';
