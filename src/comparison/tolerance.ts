/**
 * 1e-7 relative per entry, on top of each estimate's own error bar: a 1e-6 relative error fails
 * wherever the numerical estimate is good to a few 1e-7, while on smooth float64 models the central
 * difference at the default step agrees with a correct gradient to ~1e-9 and its refinement to ~1e-11.
 */
export const DEFAULT_TOLERANCE = 1e-7;

/**
 * 16 ulps of |J|: two costs at the same parameters further apart than this come from a forward that
 * is not deterministic (deterministic code gives the very same bits; 16 leaves room for sums taken
 * in a varying order).
 */
export const SAME_COST_ULPS = 16;

/**
 * 4 standard deviations of the cost's measured rounding noise σ: a central difference's error
 * (e₊ − e₋)/2h stays under 4σ/h to 5.6 of its own standard deviations, for thousands of entries.
 */
export const NOISE_SIGMAS = 4;

/**
 * 4 ulps of |J|: the rounding a central difference is allowed before the cost's noise is measured,
 * and the least a measured cost is taken to carry (a forward rounds its last operations by 1–2
 * ulps; the probe sees one direction at one point). An entry that needs more is refined with the
 * measured noise rather than passed: a wider budget here hid 1e-6 errors in small entries.
 */
export const ROUNDING_ULPS = 4;

/**
 * How far a central difference at step `h` may stray from the truth through rounding alone:
 * ROUNDING_ULPS of |J|, or once the cost's noise σ is measured, 4σ when that is larger.
 */
export function roundingNoise(costMagnitude: number, h: number, sigma = 0): number {
  return Math.max(ROUNDING_ULPS * Number.EPSILON * costMagnitude, NOISE_SIGMAS * sigma) / h;
}

/** The |analytic − numeric| allowed: `tolerance` relative to the larger, plus the numeric estimate's own error bar. */
export function allowedError(analytic: number, numeric: number, errorBar: number, tolerance: number): number {
  return tolerance * Math.max(Math.abs(analytic), Math.abs(numeric)) + errorBar;
}

/** How coarse an estimate may be and still decide an entry, by the cost's precision. */
export interface Credibility {
  /** The share of max(|analytic|, |numeric|) an error bar may reach. */
  readonly share: number;
  /** The rounding at the best step, times this, an error bar may always carry (a zero gradient has no share). */
  readonly floorSteps: number;
}

/**
 * A float64 cost: 1% of what is checked, so a sign flip, ×2 or ×0 fails far outside it while the
 * rounding at the 1e-11 steps that resolve close kinks stays inside it for gradients of the cost's
 * own scale; and always the rounding of a step 4⁸ = 65536× below the best (~8e-6 of J/|θ|: an
 * estimate that good settles an entry however small), so a zero gradient next to kinks a few 1e-10
 * away is confirmed by the ladder's rungs down to 4⁷× below the best step, bar and all.
 */
export const FLOAT64_CREDIBILITY: Credibility = { share: 1e-2, floorSteps: 65536 };

/**
 * A cost computed in float32, whose rounding (6e-8 relative) leaves wider bars at every step: 10%,
 * and the rounding of a step 64× below the best (already ~1e-3 of J/|θ|; rungs down to 16× below).
 */
export const FLOAT32_CREDIBILITY: Credibility = { share: 0.1, floorSteps: 64 };

/**
 * 1e-3: an estimate whose bar is within this share decides at once; a wider one first makes the
 * checker look for a better estimate at smaller steps, so a 1% error is not lost in a coarse bar.
 */
export const GOOD_SHARE = 1e-3;

/**
 * 1e-8: a cost whose relative noise 4σ/|J| passes this computes in float32 somewhere (float32's
 * resolution is 6e-8, and sums of float32 terms measure 4σ/|J| ≈ 1e-7 and up); float64 costs stay
 * below it, even ones losing digits to a saturated sigmoid (seen up to 1.4e-9).
 */
export const FLOAT32_NOISE = 1e-8;

/** 4σ/|J|: the cost's relative rounding noise. */
export function relativeNoise(sigma: number, cost: number): number {
  return cost === 0 ? 0 : (NOISE_SIGMAS * sigma) / Math.abs(cost);
}

/** How coarse an estimate may be, by the cost's measured noise. */
export function credibility(sigma: number, cost: number): Credibility {
  return relativeNoise(sigma, cost) > FLOAT32_NOISE ? FLOAT32_CREDIBILITY : FLOAT64_CREDIBILITY;
}

/**
 * The largest error bar an estimate may carry and still decide an entry: `share` of the larger of
 * analytic and numeric, plus `floor` (see `Credibility.floorSteps`).
 */
export function credibleError(analytic: number, numeric: number, share: number, floor: number): number {
  return share * Math.max(Math.abs(analytic), Math.abs(numeric)) + floor;
}
