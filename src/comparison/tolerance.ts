/**
 * 1e-6 relative per entry: a 1e-5 relative error must fail with a 10× margin, while on smooth
 * float64 models central differences at the default step agree with a correct gradient to ~1e-9.
 */
export const DEFAULT_TOLERANCE = 1e-6;

/**
 * 16 ulps of |J|: the rounding a forward pass may carry in its cost (sums of many terms and
 * log(1 − a) near a = 1 lose a few bits); a step h turns it into 16·ε·|J|/h in a central difference.
 */
export const COST_NOISE_ULPS = 16;

/**
 * 4 standard deviations of the cost's measured rounding noise σ: a central difference's error
 * (e₊ − e₋)/2h stays under 4σ/h to 5.6 of its own standard deviations, for thousands of entries.
 */
export const NOISE_SIGMAS = 4;

/**
 * How far a central difference at step `h` may stray from the truth through rounding alone:
 * the 16-ulp budget, or the cost's measured noise `sigma` when that is larger.
 */
export function roundingNoise(costMagnitude: number, h: number, sigma = 0): number {
  return Math.max(COST_NOISE_ULPS * Number.EPSILON * costMagnitude, NOISE_SIGMAS * sigma) / h;
}

/** The |analytic − numeric| allowed: `tolerance` relative to the larger, plus the numeric estimate's own error bar. */
export function allowedError(analytic: number, numeric: number, errorBar: number, tolerance: number): number {
  return tolerance * Math.max(Math.abs(analytic), Math.abs(numeric)) + errorBar;
}
