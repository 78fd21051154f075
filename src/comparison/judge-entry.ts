import type { Difference } from '../perturbation/central-difference.js';
import type { ParameterSlot } from '../parameters/parameter-set.js';
import { REFINEMENT_RATIO } from '../perturbation/step.js';
import { allowedError, roundingNoise } from './tolerance.js';

/** A verdict on one entry. The object is reused for the next entry: read it before judging again. */
export interface Judgement {
  /** The central difference at step h (the notebook's gradapprox). */
  central: number;
  /** The estimate judged: the central difference, its refinement, or at a kink the nearest one-sided slope. */
  numeric: number;
  /** The |analytic − numeric| allowed. */
  allowed: number;
  pass: boolean;
  /** True when the central difference alone could not settle it and more steps did. */
  refined: boolean;
  /** True when the entry sits at a kink (ReLU at 0, max with a near-tie, |·| at 0…). */
  kink: boolean;
  /** The one-sided slopes at step h. */
  left: number;
  right: number;
}

type Measure = (slot: ParameterSlot, k: number, h: number) => Difference;

/**
 * 8 × the rounding budget: a gap between the one-sided slopes, or a change of the central
 * difference with the step, smaller than this could be rounding noise rather than a kink.
 */
export const KINK_NOISE = 8;

/**
 * ¼: on a smooth cost the slope gap shrinks in proportion to the step (gap(h) ≈ gap(4h)/4);
 * a kink within ¾h of θ keeps more than a quarter of its jump in gap(h) beyond that.
 */
export const KINK_SHARE = 1 / 4;

/** A one-sided slope's rounding is 2× a central difference's; its extrapolation (4s − s₄)/3 adds ~40% more. */
const ONE_SIDED_NOISE = 3;

/** The one-sided derivative from one-sided slopes at steps s and 4s: their O(s) errors cancel. */
const oneSided = (atS: number, at4S: number) => (REFINEMENT_RATIO * atS - at4S) / (REFINEMENT_RATIO - 1);

/** Of the candidates, the one closest to `value`. */
const nearest = (value: number, ...candidates: number[]) =>
  candidates.reduce((best, c) => (Math.abs(value - c) < Math.abs(value - best) ? c : best));

/** Richardson's extrapolation of central differences at steps s and 4s: cancels their common s² error. */
const richardson = (atS: number, at4S: number) => (REFINEMENT_RATIO ** 2 * atS - at4S) / (REFINEMENT_RATIO ** 2 - 1);

/**
 * Judges entries one at a time. `costNoise` gives the cost's measured rounding noise (σ, in units of J),
 * asked for only when an entry needs more than step 1, so a clean check costs 2P + 2 forwards.
 * 1. The central difference at h (two forwards), allowing `tolerance` relative plus its rounding noise.
 * 2. Only if that fails: Richardson's estimate from steps 4h and 16h (noise 4× lower, truncation
 *    O(h⁴)), with the disagreement between the (h, 4h) and (4h, 16h) estimates as its error bar,
 *    so rounding and curvature never pass for a bug while a real error, the same at every step, fails.
 * 3. Only if that fails too: is the entry at a kink? Either its left and right slopes jump by more
 *    than curvature explains, or the central difference changes at the smaller step h/4. At a kink
 *    it passes when the analytic value matches the central difference at h/4 (which no longer
 *    straddles a kink further than h/4 away), or one of the one-sided derivatives (extrapolated
 *    from the slopes at h and 4h: the derivative on θ's side of a kink close by), or their midpoint
 *    (the subgradient sign(0) = 0 of |w| at w = 0, a tie split evenly). Any other value between
 *    the slopes fails: at a kink a hair away from θ, backprop gives the derivative of θ's side.
 */
export function judgeEntries(measure: Measure, tolerance: number, costNoise: () => number) {
  const out: Judgement = { central: 0, numeric: 0, allowed: 0, pass: true, refined: false, kink: false, left: 0, right: 0 };
  let relative = tolerance;
  const settle = (analytic: number, numeric: number, errorBar: number) => {
    out.numeric = numeric;
    out.allowed = allowedError(analytic, numeric, errorBar, relative);
    out.pass = Math.abs(analytic - numeric) <= out.allowed;
    return out.pass;
  };

  return function judge(slot: ParameterSlot, k: number, h: number, analytic: number, entryTolerance = tolerance): Judgement {
    relative = entryTolerance;
    const { central, left, right, costMagnitude } = measure(slot, k, h);
    const noise = roundingNoise(costMagnitude, h);
    out.central = central;
    out.left = left;
    out.right = right;
    out.refined = false;
    out.kink = false;
    if (settle(analytic, central, noise)) return out;

    out.refined = true;
    const sigma = costNoise();
    const wide = measure(slot, k, REFINEMENT_RATIO * h);
    const { central: atWide, left: leftWide, right: rightWide } = wide;
    const wideNoise = roundingNoise(wide.costMagnitude, REFINEMENT_RATIO * h, sigma);
    const atWidest = measure(slot, k, REFINEMENT_RATIO ** 2 * h).central;
    const fine = richardson(central, atWide);
    const coarse = richardson(atWide, atWidest);
    const smoothErrorBar = Math.abs(fine - coarse) + wideNoise;
    if (settle(analytic, coarse, smoothErrorBar)) return out;

    const narrow = measure(slot, k, h / REFINEMENT_RATIO);
    const atNarrow = narrow.central;
    const narrowNoise = roundingNoise(narrow.costMagnitude, h / REFINEMENT_RATIO, sigma);
    const measuredNoise = roundingNoise(costMagnitude, h, sigma);
    const gap = right - left;
    const slopesJump =
      Math.abs(gap) > KINK_NOISE * measuredNoise && Math.abs(gap - (rightWide - leftWide) / REFINEMENT_RATIO) > KINK_SHARE * Math.abs(gap);
    const stepJump =
      Math.abs(central - atNarrow) >
      KINK_NOISE * narrowNoise + relative * Math.max(Math.abs(central), Math.abs(atNarrow));
    if (!slopesJump && !stepJump) {
      settle(analytic, coarse, smoothErrorBar);
      return out;
    }

    out.kink = true;
    if (settle(analytic, atNarrow, narrowNoise)) return out;
    // Each one-sided slope is off its one-sided derivative by ~h·f''/2; extrapolating with the slope at 4h cancels that.
    const leftLimit = oneSided(left, leftWide);
    const rightLimit = oneSided(right, rightWide);
    const midpoint = (leftLimit + rightLimit) / 2;
    settle(analytic, nearest(analytic, leftLimit, rightLimit, midpoint), ONE_SIDED_NOISE * measuredNoise);
    return out;
  };
}
