import { type Differences, type MeasureEach, singly, withDifferences } from '../perturbation/central-difference.js';
import type { ParameterSlot } from '../parameters/parameter-set.js';
import { REFINEMENT_RATIO } from '../perturbation/step.js';
import { allowedError, credibility, credibleError, FLOAT32_CREDIBILITY, FLOAT32_NOISE, FLOAT64_CREDIBILITY, GOOD_SHARE, relativeNoise, roundingNoise } from './tolerance.js';

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

/** The cost's rounding noise σ, measured the first time it is asked for. */
export type CostNoise = () => number;

/** The step for an entry holding `value` (in float32 storage or not), given the cost's noise σ known so far. */
export type StepRule = (value: number, float32: boolean, sigma: number) => number;

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
  /** J at θ. */
  readonly cost: number;
  /** The scale of the cost's rounding: |J|, or the size of the terms it sums when larger (they may cancel). */
  readonly magnitude: number;
}

/**
 * 2 × a central difference's rounding (4σ/s): the slope gap (J₊ + J₋ − 2J₀)/s carries noise of
 * √6·σ/s ≈ 0.6 of that, so a gap past it is a kink (or strong curvature) at 3 standard deviations.
 */
export const QUIET_GAP = 2;

/** 8 × the rounding noise: a slope gap below this says nothing of how it scales with the step. */
export const KINK_NOISE = 8;

/**
 * ¼: on a smooth cost the slope gap shrinks in proportion to the step (gap(h) ≈ gap(4h)/4);
 * a kink within ¾h of θ keeps more than a quarter of its jump in gap(h) beyond that.
 */
export const KINK_SHARE = 1 / 4;

/**
 * 10%: the share of what is checked an estimate may carry when a kink lies closer than any step
 * the cost's own share allows (float32's share everywhere): a sign flip, ×2 or ×0 still fails.
 */
export const KINK_SHARE_LIMIT = FLOAT32_CREDIBILITY.share;

/**
 * 4³, 4⁶, 4⁹: before a smooth estimate calls an entry wrong, central differences at these fractions
 * of its step look for kinks it cannot see, down to 2.9e-11 of the first step's 2⁻¹⁷|θ| (~2e-16·|θ|
 * is float64's resolution; rounding at 4⁹ is still ~3e-5 of J/|θ|).
 */
const HIDDEN_KINK_STEPS = [4 ** 3, 4 ** 6, 4 ** 9] as const;

/**
 * 16: after this many wrong entries in which the far smaller steps found no hidden kink, a check
 * stops looking (a whole tensor that is wrong is not that many mirrored kinks), so a failing check
 * costs about what refinement costs, not 6 more forwards an entry, and still ends inside a runner's timeout.
 */
const HIDDEN_KINK_LOOKS = 16;

/** A one-sided slope's rounding is 2× a central difference's: one numerator over h rather than 2h. */
const ONE_SIDED_NOISE = 2;

/** The rounding of an extrapolated one-sided slope (4·slope(s) − slope(4s))/3: (4·2 + ½)/3 ≈ 3 × a central difference's at s. */
const EXTRAPOLATED_NOISE = 3;

/** The rounding of Richardson's estimate from steps s and 4s: (16 + ¼)/15 ≈ 1.1 × the central difference's at s. */
const RICHARDSON_NOISE = 1.1;

/**
 * 12 levels of ÷4: from the default step 2⁻¹⁷|θ| down to 2⁻⁴¹|θ| ≈ 4.5e-13|θ|, past the 1e-11
 * kinks that must be resolved, and still 2¹¹ ulps of θ (each level doubles the rounding twice).
 */
export const LADDER_LEVELS = 12;

/** Richardson's extrapolation of central differences at steps s and 4s: cancels their common s² error. */
const richardson = (atS: number, at4S: number) => (REFINEMENT_RATIO ** 2 * atS - at4S) / (REFINEMENT_RATIO ** 2 - 1);

/** A numerical estimate of the derivative with its error bar. */
interface Estimate {
  readonly value: number;
  readonly errorBar: number;
}

/** Of the estimates, the one closest to `value`. */
const nearest = (value: number, estimates: readonly Estimate[]) =>
  estimates.reduce((best, e) => (Math.abs(value - e.value) < Math.abs(value - best.value) ? e : best));

/** Of the estimates, the one with the smallest error bar. */
const sharpest = (estimates: readonly Estimate[]) => estimates.reduce((best, e) => (e.errorBar < best.errorBar ? e : best));

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
const quiet = (rung: Rung) => Math.abs(rung.right - rung.left) <= QUIET_GAP * rung.rounding;

/** True when the slope gap shrank with the step as curvature makes it (gap(s) ≈ gap(4s)/4): no kink between the two stencils. */
const smoothPair = (rung: Rung, wider: Rung) => {
  const gap = rung.right - rung.left;
  const expected = (wider.right - wider.left) / REFINEMENT_RATIO;
  return Math.abs(gap - expected) <= KINK_SHARE * Math.abs(gap) + KINK_NOISE * ONE_SIDED_NOISE * rung.rounding;
};

/** One side's derivative extrapolated from the pair of rungs (index − 1, index). */
interface SideEstimate extends Estimate {
  /** The narrower rung of the pair. */
  readonly index: number;
  /** slope(narrower) − slope(wider): how much the slope moved between the two steps. */
  readonly change: number;
}

/**
 * One side's derivative from rungs ordered widest first, each 4× the next: of each pair (4s, s),
 * the one-sided slope extrapolated to 0, (4·slope(s) − slope(4s))/3, with the pair's disagreement
 * as its bar. Where no kink crosses the side between the two steps the pair agrees and its bar is
 * small; a kink between them shows in the bar. Widest pair first.
 */
function sideEstimates(rungs: readonly Rung[], slope: (rung: Rung) => number): SideEstimate[] {
  return rungs.slice(1).map((rung, i) => {
    const change = slope(rung) - slope(rungs[i] as Rung);
    return {
      value: slope(rung) + change / (REFINEMENT_RATIO - 1),
      errorBar: Math.abs(change) / (REFINEMENT_RATIO - 1) + EXTRAPOLATED_NOISE * rung.rounding,
      index: i + 1,
      change,
    };
  });
}

/**
 * True when a side estimate describes θ's own piece: the slope of every narrower rung, down to
 * rung `last`, agrees with it within its rounding and the curvature the pair showed. A kink
 * between θ and the pair's steps, however small its jump, moves some narrower slope off it.
 */
function holdsDownTo(rungs: readonly Rung[], slope: (rung: Rung) => number, estimate: SideEstimate, last: number): boolean {
  const pairStep = (rungs[estimate.index] as Rung).step;
  for (let q = estimate.index + 1; q <= last; q++) {
    const rung = rungs[q] as Rung;
    const curvature = (Math.abs(estimate.change) * rung.step) / ((REFINEMENT_RATIO - 1) * pairStep);
    if (Math.abs(slope(rung) - estimate.value) > 2 * ONE_SIDED_NOISE * rung.rounding + estimate.errorBar + curvature) return false;
  }
  return true;
}

/**
 * Judges entries one at a time. A clean check costs 2 forwards an entry; only an entry that the
 * first central difference does not settle costs more, and brings in the cost's measured noise σ.
 * 1. The central difference at h, allowing `tolerance` relative plus its rounding noise. A cost
 *    that did not move at all settles a zero gradient only when the cost is known to be float64.
 * 2. Richardson's estimate from base and 4·base (base = h, or the larger step a float32 cost's
 *    noise calls for), with its disagreement with the (4·base, 16·base) estimate as its error bar:
 *    rounding and curvature never pass for a bug, while a real error, the same at every step,
 *    fails. When the slopes show no kink and the bar is small, this decides.
 *    Before a smooth estimate calls an entry wrong, far smaller steps look for kinks mirrored on
 *    both sides of θ, which leave the slopes level (`hiddenKink`).
 * 3. Otherwise the step ladder: base/4, base/16, … until a rung is clean (its slopes agree within
 *    their rounding, and the next rung agrees with it, so no kink is inside its stencil): that
 *    rung's central difference, with its rounding and half the slope gap as its bar. Several kinks
 *    inside the first stencil, a branch cut a wide step crosses, or a cost that varies on a scale
 *    far below |θ| are stepped past this way. Of steps 2 and 3, the estimate with the smaller bar
 *    decides; one too coarse to be good may be sharpened by θ's own, level side.
 * 4. No clean rung with a credible bar: a kink sits closer than any usable step. Each side's
 *    derivative is estimated from its one-sided slopes over all rungs (the side away from the
 *    nearest kink is θ's own, and agrees with itself at every step), and the entry passes when it
 *    matches either side, or their midpoint (sign(0) = 0 of |w| at 0, a tie split evenly).
 * An estimate counts only when its error bar is credible (`credibleError`); when none is, the entry
 * is unverifiable: it fails, and the report says why.
 */
export function judgeEntries(measureEach: MeasureEach, rules: JudgeRules): Judge {
  const measure = singly(measureEach);
  const { noise, stepOf, floorOf, nominal, cost } = rules;
  const out: Judgement = {
    central: 0, numeric: 0, allowed: 0, pass: true, refined: false, kink: false, unverifiable: undefined, left: 0, right: 0,
  };
  let relative = rules.tolerance;
  /** The entry's tensor's RMS gradient: 1% of it is an error bar any estimate may carry (a small entry among large ones). */
  let around = 0;
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

  /**
   * True when a central difference at base/4³, base/4⁶ or base/4⁹ (those above the step floor) strays
   * from the smooth estimate by more than its rounding and the truncation that shrinks as the step
   * squared: at most 6 forwards, and none once HIDDEN_KINK_LOOKS looks found nothing.
   */
  let fruitlessLooks = 0;
  const hiddenKink = (slot: ParameterSlot, k: number, near: Rung, smooth: Estimate, sigma: number) => {
    if (fruitlessLooks >= HIDDEN_KINK_LOOKS) return false;
    const truncation = Math.abs(near.central - smooth.value);
    const lowest = floorOf(slot, k);
    const found = HIDDEN_KINK_STEPS.some((ratio) => {
      if (near.step / ratio < lowest) return false;
      const probe = rung(slot, k, near.step / ratio, sigma);
      return Math.abs(probe.central - smooth.value) > KINK_NOISE * probe.rounding + smooth.errorBar + truncation / ratio ** 2;
    });
    if (!found) fruitlessLooks++;
    return found;
  };

  /** Steps 2 to 4, once the first central difference did not settle the entry. */
  const refine = (slot: ParameterSlot, k: number, analytic: number, first: Rung, firstMagnitude: number): Judgement => {
    const sigma = noise();
    const { share: costShare, floorSteps } = credibility(sigma, cost);
    // A tolerance larger than the cost's own share accepts estimates that coarse too.
    const share = Math.max(costShare, relative);
    const kinkShare = Math.max(KINK_SHARE_LIMIT, relative);
    // A cost computed in float32 is refined from the larger step its measured noise calls for.
    const base = Math.max(first.step, stepOf(slot.get(k), slot.float32, sigma));
    // What rounding alone leaves a few rungs below the best step: an estimate may always carry that much.
    const floor = floorSteps * roundingNoise(rules.magnitude, base, sigma);
    // ... and 1% of the tensor's RMS, beside a share of what is checked: the analytic value, or when larger
    // the smaller one-sided slope at the first step (a zero gradient between kinks, against its neighbourhood's slopes).
    const slack = floor + FLOAT64_CREDIBILITY.share * around;
    const size = Math.max(Math.abs(analytic), Math.min(Math.abs(first.left), Math.abs(first.right)));
    const credible = (estimate: Estimate, allowedShare = share) => estimate.errorBar <= credibleError(size, estimate.value, allowedShare, slack);
    const near = base === first.step ? { ...first, rounding: roundingNoise(firstMagnitude, base, sigma) } : rung(slot, k, base, sigma);
    const wide = rung(slot, k, REFINEMENT_RATIO * base, sigma);
    const widest = rung(slot, k, REFINEMENT_RATIO ** 2 * base, sigma);
    const rungs = [widest, wide, near];
    const fine = richardson(near.central, wide.central);
    const smooth = { value: fine, errorBar: Math.abs(fine - richardson(wide.central, widest.central)) + RICHARDSON_NOISE * near.rounding };
    let kinked = !quiet(near) && !smoothPair(near, wide);
    let settled = !kinked && credible(smooth);
    if (settled && smooth.errorBar <= credibleError(analytic, smooth.value, GOOD_SHARE, floor)) {
      if (decide(analytic, smooth).pass) return out;
      // Before calling it wrong: kinks on both sides within the step, mirroring each other, leave the
      // slopes level; far smaller steps, past them, would disagree with the smooth estimate.
      kinked = hiddenKink(slot, k, near, smooth, sigma);
      if (!kinked) return decide(analytic, smooth);
      settled = false; // the smooth estimate straddled the kinks it could not see: it no longer counts
    }

    // Smaller steps before any verdict: a wide step may have crossed a kink or a branch cut.
    let clean: Estimate | undefined;
    const lowest = floorOf(slot, k);
    // A quiet rung is clean once the next rung agrees with it: kinks mirrored on both sides inside a
    // stencil level its slopes too, and the next rung, past them, then disagrees.
    let quietOne: Estimate | undefined;
    for (let level = 1; level <= LADDER_LEVELS && clean === undefined; level++) {
      const step = base / REFINEMENT_RATIO ** level;
      if (step < lowest) break;
      const here = rung(slot, k, step, sigma);
      rungs.push(here);
      if (quiet(here)) {
        const estimate = { value: here.central, errorBar: here.rounding + Math.abs(here.right - here.left) / 2 };
        const agrees = quietOne !== undefined && Math.abs(estimate.value - quietOne.value) <= estimate.errorBar + quietOne.errorBar;
        if (agrees) clean = sharpest([quietOne as Estimate, estimate]);
        else quietOne = estimate;
      } else {
        kinked = true;
        quietOne = undefined;
      }
      // Rounding alone would make the next rung's clean estimate (bar up to twice its rounding) too coarse
      // for the value being checked even by a kink's looser share: descend no further.
      if (2 * REFINEMENT_RATIO * here.rounding > credibleError(size, 0, kinkShare, slack)) break;
    }
    // The last quiet rung, unconfirmed when the ladder could go no further, is the best there is.
    clean ??= quietOne;
    out.kink = kinked;
    const last = rungs.length - 1;
    /** A side's estimates that hold for θ's own piece down to the narrowest rung, credible by a kink's share. */
    const side = (slope: (rung: Rung) => number) =>
      sideEstimates(rungs, slope).filter((e) => credible(e, kinkShare) && holdsDownTo(rungs, slope, e, last));
    const left = side((r) => r.left);
    const right = side((r) => r.right);
    const candidates = [...(settled ? [smooth] : []), ...(clean ? [clean] : [])].filter((e) => credible(e));
    if (candidates.length > 0) {
      // An estimate too coarse to be good (past GOOD_SHARE) may be sharpened by θ's own side, which agrees
      // with it and whose wider steps may pin it down better: only a pair whose slopes did not move past
      // their rounding (no kink bends its extrapolation), and only when the two sides do not both agree
      // while differing (then which one is θ's is not known). A good estimate decides as it is: a side
      // that only seems to agree may be the piece beyond a kink too close to see.
      const best = sharpest(candidates);
      if (best.errorBar <= credibleError(analytic, best.value, GOOD_SHARE, floor)) return decide(analytic, best);
      const level = (e: SideEstimate) => Math.abs(e.change) <= QUIET_GAP * ONE_SIDED_NOISE * (rungs[e.index] as Rung).rounding;
      const agreeing = (side: readonly SideEstimate[]) =>
        side.filter((e) => level(e) && credible(e) && Math.abs(e.value - best.value) <= e.errorBar + best.errorBar);
      const [fromLeft, fromRight] = [agreeing(left), agreeing(right)];
      const ambiguous =
        fromLeft.length > 0 &&
        fromRight.length > 0 &&
        Math.abs(sharpest(fromLeft).value - sharpest(fromRight).value) > sharpest(fromLeft).errorBar + sharpest(fromRight).errorBar;
      return decide(analytic, ambiguous ? best : sharpest([best, ...fromLeft, ...fromRight]));
    }

    // A kink closer than any step the value's own share allows: either side, their midpoint, or a clean
    // rung past the kink may decide within a kink's looser share.
    out.kink = true;
    const sides = [left, right].filter((e) => e.length > 0).map(sharpest);
    if (clean && credible(clean, kinkShare)) sides.push(clean);
    if (left.length > 0 && right.length > 0) {
      const [l, r] = sides as [Estimate, Estimate];
      sides.push({ value: (l.value + r.value) / 2, errorBar: Math.max(l.errorBar, r.errorBar) });
    }
    if (sides.length > 0) return decide(analytic, nearest(analytic, sides));
    out.pass = false;
    out.unverifiable = kinked ? 'kink' : 'noise';
    return out;
  };

  /**
   * The verdict on entry k from its first central difference at step h: judged in place, with no
   * object made (this runs for every entry of every check), refined when it does not settle it.
   * The first step is never widened for noise (a wider step crosses more kinks in ReLU networks),
   * and its allowance is the fixed rounding budget: an entry it does not settle is refined, where
   * the measured noise comes in with an error bar of its own.
   */
  const settle = (slot: ParameterSlot, k: number, analytic: number, measured: Differences, i: number) => {
    // Read here, not passed: numbers passed to a call that is not inlined are boxed, and this runs per entry.
    const h = measured.step[i] as number;
    const central = measured.central[i] as number;
    const left = measured.left[i] as number;
    const right = measured.right[i] as number;
    const costMagnitude = measured.costMagnitude[i] as number;
    out.central = central;
    out.left = left;
    out.right = right;
    out.refined = false;
    out.kink = false;
    out.unverifiable = undefined;
    const rounding = roundingNoise(costMagnitude, h);
    out.numeric = central;
    out.allowed = allowedError(analytic, central, rounding, relative);
    out.pass = Math.abs(analytic - central) <= out.allowed;
    // A cost that did not move at all confirms a zero gradient only when it is not computed in float32:
    // one that a float32 holds exactly (float64 costs almost never are) has its noise measured first.
    const still = left === 0 && right === 0 && Math.fround(cost) === cost;
    if (out.pass && !(still && relativeNoise(noise(), cost) > FLOAT32_NOISE)) return out;
    out.refined = true;
    return refine(slot, k, analytic, { step: h, central, left, right, rounding }, costMagnitude);
  };

  /** Runs `use` on the first central differences of entries `indices`, measured in one loop at the first step. */
  const firstDifferences = <T>(slot: ParameterSlot, indices: readonly number[], use: (first: Differences) => T): T =>
    withDifferences(indices.length, (first) => {
      measureEach(slot, indices, (value) => stepOf(value, slot.float32, 0), nominal, first);
      return use(first);
    });

  return {
    one(slot, k, analytic, entryTolerance = rules.tolerance, entryScale = 0) {
      relative = entryTolerance;
      around = entryScale;
      return firstDifferences(slot, [k], (first) => settle(slot, k, analytic, first, 0));
    },
    each(slot, indices, analytic, scale, record) {
      relative = rules.tolerance;
      around = scale;
      firstDifferences(slot, indices, (first) => {
        for (let i = 0; i < indices.length; i++) {
          const k = indices[i] as number;
          record(k, settle(slot, k, analytic[k] as number, first, i));
        }
      });
    },
  };
}

/** Judges entries of a slot against their analytic gradients. A verdict object is reused: read it before judging again. */
export interface Judge {
  /** Entry k: `tolerance` overrides the relative tolerance, `scale` is the size of the gradients around it (its tensor's RMS). */
  one(slot: ParameterSlot, k: number, analytic: number, tolerance?: number, scale?: number): Judgement;
  /**
   * Entries `indices`, their first central differences measured in one loop, each verdict handed to
   * `record` as it is made; `analytic` is indexed by entry, `scale` is the tensor's RMS gradient.
   */
  each(slot: ParameterSlot, indices: readonly number[], analytic: Float64Array, scale: number, record: (k: number, verdict: Judgement) => void): void;
}
