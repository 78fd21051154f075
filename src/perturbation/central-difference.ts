import { GradcheckError } from '../gradcheck-error.js';
import { entryIndex, entryLabel } from '../layout/entry-index.js';
import type { ParameterSlot } from '../parameters/parameter-set.js';
import type { CostEvaluator } from './cost-evaluator.js';

/** One entry moved by ±h: the central difference and the two one-sided slopes around it. */
export interface Difference {
  /** (J(θ + h) − J(θ − h)) / 2h. */
  central: number;
  /** (J(θ) − J(θ − h)) / h: the slope just left of θ. */
  left: number;
  /** (J(θ + h) − J(θ)) / h: the slope just right of θ. */
  right: number;
  /** max(|J(θ + h)|, |J(θ − h)|): the scale of the rounding noise in the numerators. */
  costMagnitude: number;
}

/**
 * 1%: with a fixed step (the notebook's), the move actually stored may differ from h by rounding;
 * beyond this the step is below the value's resolution and the difference would measure rounding.
 */
export const STEP_RESOLUTION = 0.01;

/**
 * The step to divide by: h with `nominal`, else the move actually stored (exact even in a
 * Float32Array). Refuses a step that does not move the value, or with `nominal` moves it by more
 * than STEP_RESOLUTION off h.
 */
function stored(original: number, now: number, h: number, nominal: boolean, slot: ParameterSlot, k: number): number {
  const moved = Math.abs(now - original);
  if (nominal ? Math.abs(moved - h) <= STEP_RESOLUTION * h : moved > 0) return nominal ? h : moved;
  const label = entryLabel(slot.name, entryIndex(slot.shape, k));
  throw new GradcheckError(
    `A step of ${h} moves ${label} = ${original} by ${moved} once stored: the step is below that value's resolution. ` +
      'Use a larger options.epsilon, or none for a step scaled to each entry.',
  );
}

/**
 * Measures entries one at a time, perturbing the user's own storage in place and restoring the
 * exact original value afterwards, also when `forward` throws. `initialCost` is J(θ), for the
 * one-sided slopes. With `nominal`, a call divides by h as the notebook does; otherwise by the
 * distance to the values actually stored (exact even when θ ± h rounds, or in a Float32Array).
 * The returned object is reused by the next call: read it before measuring again.
 */
export function centralDifferences(cost: CostEvaluator, initialCost: number) {
  const out: Difference = { central: 0, left: 0, right: 0, costMagnitude: 0 };
  return function measure(slot: ParameterSlot, k: number, h: number, nominal = false): Difference {
    const original = slot.get(k);
    try {
      slot.set(k, original + h);
      const up = stored(original, slot.get(k), h, nominal, slot, k);
      const plus = cost.evaluate(slot, k);
      slot.set(k, original - h);
      const down = stored(original, slot.get(k), h, nominal, slot, k);
      const minus = cost.evaluate(slot, k);
      out.central = (plus - minus) / (up + down);
      out.left = (initialCost - minus) / down;
      out.right = (plus - initialCost) / up;
      out.costMagnitude = Math.max(Math.abs(plus), Math.abs(minus));
      return out;
    } finally {
      slot.set(k, original);
    }
  };
}
