import type { Difference } from '../perturbation/central-difference.js';
import type { ParameterSlot } from '../parameters/parameter-set.js';
import { REFINEMENT_RATIO } from '../perturbation/step.js';
import { allowedError, roundingNoise } from './tolerance.js';

/** A verdict on one entry. */
export interface Judgement {
  /** The central difference at step h. */
  central: number;
  /** The estimate judged: the central difference, or its refinement. */
  numeric: number;
  allowed: number;
  pass: boolean;
  refined: boolean;
}

type Measure = (slot: ParameterSlot, k: number, h: number) => Difference;

/** Richardson's extrapolation of central differences at steps h and 4h: cancels their common h² error. */
const richardson = (atH: number, at4H: number) => (REFINEMENT_RATIO ** 2 * atH - at4H) / (REFINEMENT_RATIO ** 2 - 1);

/**
 * Judges one entry: first its central difference at step h (two forwards), allowing
 * `tolerance` relative plus the rounding noise of that difference. Only when that fails are two
 * more pairs spent, at 4h and 16h: Richardson's estimate from 4h and 16h (rounding noise 4× lower,
 * truncation O(h⁴)) is judged, with the disagreement between the (h, 4h) and (4h, 16h) estimates
 * as its error bar, so rounding noise and curvature never pass for a bug, while a real error,
 * the same at every step, still fails.
 */
export function judgeEntries(measure: Measure, tolerance: number) {
  const out: Judgement = { central: 0, numeric: 0, allowed: 0, pass: true, refined: false };
  return function judge(slot: ParameterSlot, k: number, h: number, analytic: number): Judgement {
    const first = measure(slot, k, h);
    const central = first.value;
    const firstNoise = roundingNoise(first.costMagnitude, h);
    out.central = central;
    out.numeric = central;
    out.allowed = allowedError(analytic, central, firstNoise, tolerance);
    out.pass = Math.abs(analytic - central) <= out.allowed;
    out.refined = false;
    if (out.pass) return out;

    const middleStep = REFINEMENT_RATIO * h;
    const middle = measure(slot, k, middleStep);
    const atMiddle = middle.value;
    const middleNoise = roundingNoise(middle.costMagnitude, middleStep);
    const atLarge = measure(slot, k, REFINEMENT_RATIO * middleStep).value;
    const fine = richardson(central, atMiddle);
    const coarse = richardson(atMiddle, atLarge);
    out.numeric = coarse;
    out.allowed = allowedError(analytic, coarse, Math.abs(fine - coarse) + middleNoise, tolerance);
    out.pass = Math.abs(analytic - coarse) <= out.allowed;
    out.refined = true;
    return out;
  };
}
