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
 * The step to divide by, given how far the value `moved` once stored: h with `nominal`, else the
 * move itself (exact even in a Float32Array). Refuses a step that does not move the value, or with
 * `nominal` moves it by more than STEP_RESOLUTION off h.
 */
function stored(original: number, moved: number, h: number, nominal: boolean, slot: ParameterSlot, k: number): number {
  if (nominal ? Math.abs(moved - h) <= STEP_RESOLUTION * h : moved > 0) return nominal ? h : moved;
  const label = entryLabel(slot.name, entryIndex(slot.shape, k));
  throw new GradcheckError(
    `A step of ${h} moves ${label} = ${original} by ${moved} once stored: the step is below that value's resolution. ` +
      'Use a larger options.epsilon, or none for a step scaled to each entry.',
  );
}

/** Several entries' differences, by position in the list of entries measured (reused: read before measuring again). */
export interface Differences {
  /** The step h each entry was moved by. */
  readonly step: Float64Array;
  readonly central: Float64Array;
  readonly left: Float64Array;
  readonly right: Float64Array;
  readonly costMagnitude: Float64Array;
}

/** Room for `count` entries' differences. */
export function differencesFor(count: number): Differences {
  return {
    step: new Float64Array(count),
    central: new Float64Array(count),
    left: new Float64Array(count),
    right: new Float64Array(count),
    costMagnitude: new Float64Array(count),
  };
}

/** The room the last `withDifferences` used, kept for the next: making a typed array takes several hundred nanoseconds. */
let spare: Differences | undefined;

/**
 * Runs `use` with room for `count` entries' differences, reused from one call to the next (a call
 * made inside `use`, by a forward that runs a check itself, gets fresh room).
 */
export function withDifferences<T>(count: number, use: (room: Differences) => T): T {
  const room = spare !== undefined && spare.step.length >= count ? spare : differencesFor(count);
  spare = undefined;
  try {
    return use(room);
  } finally {
    spare = room;
  }
}

/** Measures entries `indices` of a slot, entry i at step `stepOf(θᵢ)`, into `into` (at least indices.length long). */
export type MeasureEach = (
  slot: ParameterSlot,
  indices: readonly number[],
  stepOf: (value: number) => number,
  nominal: boolean,
  into: Differences,
) => void;

/**
 * The perturbation loop: measures entries in turn, perturbing the user's own storage in place and
 * restoring the exact original value after each, also when `forward` throws. `initialCost` is J(θ),
 * for the one-sided slopes. With `nominal`, it divides by h as the notebook does; otherwise by the
 * distance to the values actually stored (exact even when θ ± h rounds, or in a Float32Array).
 * One loop, whose only calls per entry are the step's and forward's (and the view's get and set
 * when it has no plain storage): see the README's Performance section for what it costs.
 */
export function centralDifferencesEach(cost: CostEvaluator, initialCost: number): MeasureEach {
  // J's rounding follows the larger of |J| and the size of the terms it sums (which may cancel).
  const terms = cost.termSize ?? 0;
  return (slot, indices, stepOf, nominal, { step, central, left, right, costMagnitude }) => {
    const { storage } = slot;
    let k = -1;
    let original = 0;
    try {
      for (let i = 0; i < indices.length; i++) {
        k = indices[i] as number;
        // Entry k's own row, written and read back directly when the storage is plain arrays.
        const row = storage?.rows[(k / storage.columns) | 0];
        const j = storage ? k % storage.columns : 0;
        original = row ? (row[j] as number) : slot.get(k);
        const h = stepOf(original);
        if (row) row[j] = original + h;
        else slot.set(k, original + h);
        // The moves as stored; `stored` is called only when one must be checked or replaced.
        let up = (row ? (row[j] as number) : slot.get(k)) - original;
        if (nominal || !(up > 0)) up = stored(original, Math.abs(up), h, nominal, slot, k);
        const plus = cost.evaluate(slot, k);
        if (row) row[j] = original - h;
        else slot.set(k, original - h);
        let down = original - (row ? (row[j] as number) : slot.get(k));
        if (nominal || !(down > 0)) down = stored(original, Math.abs(down), h, nominal, slot, k);
        const minus = cost.evaluate(slot, k);
        if (row) row[j] = original;
        else slot.set(k, original);
        k = -1;
        step[i] = h;
        central[i] = (plus - minus) / (up + down);
        left[i] = (initialCost - minus) / down;
        right[i] = (plus - initialCost) / up;
        costMagnitude[i] = Math.max(Math.abs(plus), Math.abs(minus), terms);
      }
    } finally {
      if (k >= 0) slot.set(k, original);
    }
  };
}

/** Measures entry k of a slot at step h; `nominal` divides by h itself (the notebook's fixed epsilon). */
export type Measure = (slot: ParameterSlot, k: number, h: number, nominal?: boolean) => Difference;

/**
 * `centralDifferencesEach` for one entry at a given step. The returned object is reused by the
 * next call: read it before measuring again.
 */
export function centralDifferences(cost: CostEvaluator, initialCost: number): Measure {
  return singly(centralDifferencesEach(cost, initialCost));
}

/** One entry at a time through `measureEach`, into one reused `Difference`. */
export function singly(measureEach: MeasureEach): Measure {
  const out: Difference = { central: 0, left: 0, right: 0, costMagnitude: 0 };
  const index = [0];
  let h = 0;
  const fixedStep = () => h;
  // Made on the first call: many checks never measure an entry singly.
  let into: Differences | undefined;
  return (slot, k, step, nominal = false) => {
    into ??= differencesFor(1);
    index[0] = k;
    h = step;
    measureEach(slot, index, fixedStep, nominal, into);
    out.central = into.central[0] as number;
    out.left = into.left[0] as number;
    out.right = into.right[0] as number;
    out.costMagnitude = into.costMagnitude[0] as number;
    return out;
  };
}
