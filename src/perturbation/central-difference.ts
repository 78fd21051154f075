import type { ParameterSlot } from '../parameters/parameter-set.js';
import type { CostEvaluator } from './cost-evaluator.js';

/** One central difference: its value, and the size of the costs it was taken from. */
export interface Difference {
  /** (J(θ + h) − J(θ − h)) / 2h for one entry. */
  value: number;
  /** max(|J(θ + h)|, |J(θ − h)|): the scale of the rounding noise in `value`'s numerator. */
  costMagnitude: number;
}

/**
 * Measures central differences entry by entry, perturbing the user's own storage in place and
 * restoring the exact original value afterwards, also when `forward` throws.
 * With `nominal`, it divides by 2h as the notebook does; otherwise by the distance between the
 * values actually stored (exact even when θ ± h rounds, or when the storage is a Float32Array).
 */
export function centralDifferences(cost: CostEvaluator, nominal: boolean) {
  const out: Difference = { value: 0, costMagnitude: 0 };
  return function measure(slot: ParameterSlot, k: number, h: number): Difference {
    const original = slot.get(k);
    try {
      slot.set(k, original + h);
      const up = slot.get(k);
      const plus = cost.evaluate(slot, k);
      slot.set(k, original - h);
      const down = slot.get(k);
      const minus = cost.evaluate(slot, k);
      out.value = (plus - minus) / (nominal ? 2 * h : up - down);
      out.costMagnitude = Math.max(Math.abs(plus), Math.abs(minus));
      return out;
    } finally {
      slot.set(k, original);
    }
  };
}
