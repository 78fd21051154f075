import type { Difference } from '../perturbation/central-difference.js';
import type { ParameterSlot } from '../parameters/parameter-set.js';
import { REFINEMENT_RATIO } from '../perturbation/step.js';
import { allowedError, credibleError, credibleShare, GOOD_SHARE, roundingNoise } from './tolerance.js';

/** Why an entry could not be verified: the cost's rounding noise, or a kink or branch cut within every usable step. */
export type UnverifiableCause = 'noise' | 'kink';

/** A verdict on one entry. The object is reused for the next entry: read it before judging again. */
export interface Judgement {
  /** The central difference at step h (the notebook's gradapprox). */
  central: number;
  /** The estimate judged: the central difference, its refinement, a clean step's, or at a kink a one-sided slope. */
  numeric: number;
  /** The |analytic − numeric| allowed. */
  allowed: number;
  pass: boolean;
  /** True when the central difference alone could not settle it and more steps did. */
  refined: boolean;
  /** True when the entry sits at a kink (ReLU at 0, max with a near-tie, |·| at 0…). */
  kink: boolean;
  /** Set when no step gave an estimate good enough to judge the entry by: it fails, but is not called wrong. */
  unverifiable: UnverifiableCause | undefined;
  /** The one-sided slopes at step h. */
  left: number;
  right: number;
}

/** Measures entry k of a slot at step h; `nominal` divides by h itself (the notebook's fixed epsilon). */
export type Measure = (slot: ParameterSlot, k: number, h: number, nominal?: boolean) => Difference;

/** The cost's rounding noise σ, measured the first time it is asked for. */
export type CostNoise = () => number;

/** The step for entry k of a slot, given the cost's noise σ known so far. */
export type StepRule = (slot: ParameterSlot, k: number, sigma: number) => number;

/** The smallest step the ladder may take for entry k: below it the stored move loses its resolution. */
export type StepFloor = (slot: ParameterSlot, k: number) => number;

/** What the judge needs besides the measure: the steps, the noise, the relative tolerance, J itself. */
export interface JudgeRules {
  readonly tolerance: number;
  readonly noise: CostNoise;
  readonly stepOf: StepRule;
  readonly floorOf: StepFloor;
  /** The first step is the user's fixed epsilon, divided by as given (the notebook's numbers). */
  readonly nominal: boolean;
  /** |J| at θ: the scale of the cost's rounding. */
  readonly cost: number;
}

/**
 * 8 × the rounding noise: a gap between the one-sided slopes, or a change of the central
 * difference with the step, smaller than this could be rounding noise rather than a kink.
 */
export const KINK_NOISE = 8;

/**
 * ¼: on a smooth cost the slope gap shrinks in proportion to the step (gap(h) ≈ gap(4h)/4);
 * a kink within ¾h of θ keeps more than a quarter of its jump in gap(h) beyond that.
 */
export const KINK_SHARE = 1 / 4;

/** A one-sided slope's rounding is 2× a central difference's: one numerator over h rather than 2h. */
const ONE_SIDED_NOISE = 2;

/**
 * 12 levels of ÷4: from the default step 2⁻¹⁷|θ| down to 2⁻⁴¹|θ| ≈ 4.5e-13|θ|, past the 1e-11
 * kinks that must be resolved, and still 2¹¹ ulps of θ (each level doubles the rounding twice).
 */
export const LADDER_LEVELS = 12;

/** Richardson's extrapolation of central differences at steps s and 4s: cancels their common s² error. */
const richardson = (atS: number, at4S: number) => (REFINEMENT_RATIO ** 2 * atS - at4S) / (REFINEMENT_RATIO ** 2 - 1);

/** Of the candidates, the one closest to `value`. */
const nearest = (value: number, candidates: readonly Estimate[]) =>
  candidates.reduce((best, c) => (Math.abs(value - c.value) < Math.abs(value - best.value) ? c : best));

/** A numerical estimate of the derivative with its error bar. */
interface Estimate {
  readonly value: number;
  readonly errorBar: number;
}

/** One rung of the step ladder: the step and what it measured. */
interface Rung {
  readonly step: number;
  readonly central: number;
  readonly left: number;
  readonly right: number;
  /** The rounding noise of a central difference at this step (a one-sided slope has ONE_SIDED_NOISE × this). */
  readonly rounding: number;
}

/** True when a rung's slopes agree within their rounding: no kink inside its stencil that the noise does not hide. */
const quiet = (rung: Rung) => Math.abs(rung.right - rung.left) <= KINK_NOISE * ONE_SIDED_NOISE * rung.rounding;

/** True when the slope gap shrank with the step as curvature makes it (gap(s) ≈ gap(4s)/4): no kink between the two stencils. */
const smoothPair = (rung: Rung, wider: Rung) => {
  const gap = rung.right - rung.left;
  const expected = (wider.right - wider.left) / REFINEMENT_RATIO;
  return Math.abs(gap - expected) <= KINK_SHARE * Math.abs(gap) + KINK_NOISE * ONE_SIDED_NOISE * rung.rounding;
};

/**
 * Judges entries one at a time. A clean check costs 2 forwards an entry; only an entry that the
 * first central difference does not settle costs more, and brings in the cost's measured noise σ.
 * 1. The central difference at h, allowing `tolerance` relative plus its rounding noise.
 * 2. Richardson's estimate from 4·base and 16·base (base = h, or the larger step a float32 cost's
 *    noise calls for), with the disagreement between the (base, 4·base) and (4·base, 16·base)
 *    estimates as its error bar: rounding and curvature never pass for a bug, while a real error,
 *    the same at every step, fails. When the slopes show no kink and the bar is small, this decides.
 * 3. Otherwise the step ladder: base/4, base/16, … until a rung is clean (its slopes agree within
 *    their rounding: no kink inside its stencil, curvature too small to matter): that rung's central
 *    difference, with its own error bar (its rounding, and half the slope gap a kink could hide). Several kinks inside the first stencil, a branch cut a wide step crosses, or a cost that
 *    varies on a scale far below |θ| are stepped past this way. Of steps 2 and 3, the estimate with
 *    the smaller error bar decides.
 * 4. No clean rung: a kink sits closer than any usable step. The entry is judged by the one-sided
 *    slope of either side, or their midpoint (sign(0) = 0 of |w| at 0, a tie split evenly), at the
 *    smallest rung: it passes when the nearest of them matches.
 * An estimate counts only when its error bar is credible (`credibleError`); when none is, the entry
 * is unverifiable: it fails, and the report says why.
 */
export function judgeEntries(measure: Measure, rules: JudgeRules) {
  const { noise, stepOf, floorOf, nominal, cost } = rules;
  const out: Judgement = {
    central: 0, numeric: 0, allowed: 0, pass: true, refined: false, kink: false, unverifiable: undefined, left: 0, right: 0,
  };
  let relative = rules.tolerance;
  let floor = 0;
  let share = 0;
  const credible = (analytic: number, estimate: Estimate) =>
    estimate.errorBar <= credibleError(analytic, estimate.value, share, floor);
  const decide = (analytic: number, estimate: Estimate): Judgement => {
    out.numeric = estimate.value;
    out.allowed = allowedError(analytic, estimate.value, estimate.errorBar, relative);
    out.pass = Math.abs(analytic - estimate.value) <= out.allowed;
    return out;
  };
  const rung = (slot: ParameterSlot, k: number, step: number, sigma: number): Rung => {
    const { central, left, right, costMagnitude } = measure(slot, k, step);
    return { step, central, left, right, rounding: roundingNoise(costMagnitude, step, sigma) };
  };

  /** Step 2: Richardson around `near`, and whether its slopes show a kink. */
  const smooth = (slot: ParameterSlot, k: number, near: Rung, sigma: number) => {
    const wide = rung(slot, k, REFINEMENT_RATIO * near.step, sigma);
    const atWidest = measure(slot, k, REFINEMENT_RATIO ** 2 * near.step).central;
    const fine = richardson(near.central, wide.central);
    const coarse = richardson(wide.central, atWidest);
    const estimate: Estimate = { value: coarse, errorBar: Math.abs(fine - coarse) + wide.rounding };
    return { estimate, kinked: !quiet(near) && !smoothPair(near, wide) };
  };

  /** Step 3: down the ladder from `top`; the first clean rung's estimate, or the smallest rung reached. */
  const ladder = (slot: ParameterSlot, k: number, analytic: number, top: Rung, sigma: number) => {
    const lowest = floorOf(slot, k);
    let wider = top;
    let kinked = false;
    for (let level = 1; level <= LADDER_LEVELS; level++) {
      const step = top.step / REFINEMENT_RATIO ** level;
      if (step < lowest) break;
      const here = rung(slot, k, step, sigma);
      // Rounding alone already makes this rung's slopes too coarse to judge by: descend no further.
      if (slopeBar(here) > credibleError(analytic, here.central, share, floor)) break;
      if (quiet(here)) {
        const estimate = { value: here.central, errorBar: here.rounding + Math.abs(here.right - here.left) / 2 };
        return { estimate, smallest: here, kinked: kinked || !quiet(wider) };
      }
      kinked = true;
      wider = here;
    }
    return { estimate: undefined, smallest: wider, kinked: true };
  };

  return function judge(slot: ParameterSlot, k: number, analytic: number, entryTolerance = rules.tolerance): Judgement {
    relative = entryTolerance;
    // The first step is never widened for noise (a wider step crosses more kinks in ReLU networks),
    // and its allowance is the fixed rounding budget: an entry it does not settle is refined, where
    // the measured noise comes in with an error bar of its own.
    const h = stepOf(slot, k, 0);
    const first = measure(slot, k, h, nominal);
    out.central = first.central;
    out.left = first.left;
    out.right = first.right;
    out.refined = false;
    out.kink = false;
    out.unverifiable = undefined;
    decide(analytic, { value: first.central, errorBar: roundingNoise(first.costMagnitude, h) });
    if (out.pass) return out;

    out.refined = true;
    const sigma = noise();
    share = credibleShare(sigma, cost);
    // A cost computed in float32 is refined from the larger step its measured noise calls for.
    const base = Math.max(h, stepOf(slot, k, sigma));
    // What rounding alone leaves at the best step: an estimate may always carry that much.
    floor = roundingNoise(cost, base, sigma);
    const near: Rung =
      base === h ? { step: h, central: first.central, left: first.left, right: first.right, rounding: roundingNoise(first.costMagnitude, h, sigma) } : rung(slot, k, base, sigma);
    const smoothed = smooth(slot, k, near, sigma);
    const settled = !smoothed.kinked && credible(analytic, smoothed.estimate);
    if (settled && smoothed.estimate.errorBar <= credibleError(analytic, smoothed.estimate.value, GOOD_SHARE, floor)) {
      return decide(analytic, smoothed.estimate);
    }
    // Smaller steps before any verdict: a wide step may have crossed a kink or a branch cut.
    const stepped = ladder(slot, k, analytic, near, sigma);
    out.kink = smoothed.kinked || stepped.kinked;
    const candidates = [...(settled ? [smoothed.estimate] : []), ...(stepped.estimate ? [stepped.estimate] : [])].filter((e) =>
      credible(analytic, e),
    );
    if (candidates.length > 0) return decide(analytic, candidates.reduce((a, b) => (b.errorBar < a.errorBar ? b : a)));
    const side = nearest(analytic, oneSided(stepped.smallest));
    // The sides are told apart when their gap is far past the bar: then matching one of them means something.
    const separated = side.errorBar <= Math.abs(stepped.smallest.right - stepped.smallest.left) / KINK_NOISE;
    if (stepped.smallest !== near && (separated || credible(analytic, side))) return decide(analytic, side);
    decide(analytic, side);
    out.pass = false;
    out.unverifiable = out.kink ? 'kink' : 'noise';
    return out;
  };
}

/** A one-sided slope's bar: its own rounding, twice, for the truncation a tiny step still leaves. */
const slopeBar = (rung: Rung) => 2 * ONE_SIDED_NOISE * rung.rounding;

/** Step 4's candidates at a rung: the slope of either side and their midpoint, with a slope's bar. */
const oneSided = (rung: Rung): Estimate[] =>
  [rung.left, rung.right, (rung.left + rung.right) / 2].map((value) => ({ value, errorBar: slopeBar(rung) }));
