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

/** The cost's rounding noise σ, measured the first time it is asked for. */
export type CostNoise = () => number;

/** The step for entry k of a slot, given the cost's noise σ known so far. */
export type StepRule = (slot: ParameterSlot, k: number, sigma: number) => number;

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
 * Judges entries one at a time. `noise` gives the cost's measured rounding noise (σ, in units of J),
 * measured only when an entry needs more than step 1, so a clean check costs 2P + 2 forwards.
 * 1. The central difference at h (two forwards), allowing `tolerance` relative plus its rounding noise.
 * 2. Only if that fails, `refine`: from h, or for a cost computed in float32 (its measured noise
 *    past FLOAT32_NOISE) from the larger step `stepOf` gives for that noise, where it weighs less.
 */
export function judgeEntries(measure: Measure, tolerance: number, noise: CostNoise, stepOf: StepRule) {
  const out: Judgement = { central: 0, numeric: 0, allowed: 0, pass: true, refined: false, kink: false, left: 0, right: 0 };
  let relative = tolerance;
  const settle = (analytic: number, numeric: number, errorBar: number) => {
    out.numeric = numeric;
    out.allowed = allowedError(analytic, numeric, errorBar, relative);
    out.pass = Math.abs(analytic - numeric) <= out.allowed;
    return out.pass;
  };

  /**
   * Judges at steps around `base`, given the central difference `near` measured there:
   * a. Richardson's estimate from 4·base and 16·base (noise 4× lower, truncation O(base⁴)), with the
   *    disagreement between the (base, 4·base) and (4·base, 16·base) estimates as its error bar, so
   *    rounding and curvature never pass for a bug while a real error, the same at every step, fails.
   * b. Only if that fails: is the entry at a kink? Either its left and right slopes jump by more
   *    than curvature explains, or the central difference changes at base/4. At a kink it passes
   *    when the analytic value matches the central difference at base/4 (which no longer straddles
   *    a kink further away), or one of the one-sided derivatives (extrapolated from the slopes at
   *    base and 4·base: the derivative on θ's side of a kink close by), or their midpoint (the
   *    subgradient sign(0) = 0 of |w| at w = 0, a tie split evenly). Any other value between the
   *    slopes fails: at a kink a hair away from θ, backprop gives the derivative of θ's side.
   */
  const refine = (slot: ParameterSlot, k: number, analytic: number, base: number, near: Difference, sigma: number) => {
    const wide = { ...measure(slot, k, REFINEMENT_RATIO * base) };
    const atWidest = measure(slot, k, REFINEMENT_RATIO ** 2 * base).central;
    const fine = richardson(near.central, wide.central);
    const coarse = richardson(wide.central, atWidest);
    const smoothErrorBar = Math.abs(fine - coarse) + roundingNoise(wide.costMagnitude, REFINEMENT_RATIO * base, sigma);
    if (settle(analytic, coarse, smoothErrorBar)) return true;

    const narrowStep = base / REFINEMENT_RATIO;
    const narrow = measure(slot, k, narrowStep);
    const atNarrow = narrow.central;
    const narrowNoise = roundingNoise(narrow.costMagnitude, narrowStep, sigma);
    const nearNoise = roundingNoise(near.costMagnitude, base, sigma);
    const gap = near.right - near.left;
    const slopesJump =
      Math.abs(gap) > KINK_NOISE * nearNoise && Math.abs(gap - (wide.right - wide.left) / REFINEMENT_RATIO) > KINK_SHARE * Math.abs(gap);
    const stepJump =
      Math.abs(near.central - atNarrow) > KINK_NOISE * narrowNoise + relative * Math.max(Math.abs(near.central), Math.abs(atNarrow));
    if (!slopesJump && !stepJump) return settle(analytic, coarse, smoothErrorBar);

    out.kink = true;
    if (settle(analytic, atNarrow, narrowNoise)) return true;
    const leftLimit = oneSided(near.left, wide.left);
    const rightLimit = oneSided(near.right, wide.right);
    const midpoint = (leftLimit + rightLimit) / 2;
    return settle(analytic, nearest(analytic, leftLimit, rightLimit, midpoint), ONE_SIDED_NOISE * nearNoise);
  };

  return function judge(slot: ParameterSlot, k: number, analytic: number, entryTolerance = tolerance): Judgement {
    relative = entryTolerance;
    // The first step is never widened for noise (a wider step crosses more kinks in ReLU networks),
    // and its allowance is the fixed rounding budget: an entry it does not settle is refined, where
    // the measured noise comes in with an error bar of its own.
    const h = stepOf(slot, k, 0);
    const { central, left, right, costMagnitude } = measure(slot, k, h);
    out.central = central;
    out.left = left;
    out.right = right;
    out.refined = false;
    out.kink = false;
    if (settle(analytic, central, roundingNoise(costMagnitude, h))) return out;

    out.refined = true;
    const sigma = noise();
    // A cost computed in float32 is refined from the larger step its measured noise calls for.
    const base = Math.max(h, stepOf(slot, k, sigma));
    const near = base === h ? { central, left, right, costMagnitude } : { ...measure(slot, k, base) };
    refine(slot, k, analytic, base, near, sigma);
    return out;
  };
}
