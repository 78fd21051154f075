import { COST_NOISE_ULPS } from '../comparison/tolerance.js';
import { GradcheckError } from '../gradcheck-error.js';

/**
 * Throws unless two costs at the same parameters agree within rounding (COST_NOISE_ULPS of |J|;
 * deterministic code gives the very same bits): otherwise every central difference would measure
 * the randomness, not the gradient.
 */
export function assertDeterministic(first: number, second: number, when: string): void {
  if (Math.abs(first - second) <= COST_NOISE_ULPS * Number.EPSILON * Math.max(Math.abs(first), Math.abs(second))) return;
  throw new GradcheckError(
    `forward is not deterministic: it gave J = ${first} and J = ${second} at the same parameters, ${when}. ` +
      'Dropout, unseeded noise, or state kept between calls? Seed or disable it for the check.',
  );
}
