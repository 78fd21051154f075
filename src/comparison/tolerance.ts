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

/** How far a central difference at step `h` may stray from the truth through rounding alone. */
export function roundingNoise(costMagnitude: number, h: number): number {
  return (COST_NOISE_ULPS * Number.EPSILON * costMagnitude) / h;
}

/** The |analytic − numeric| allowed: `tolerance` relative to the larger, plus the numeric estimate's own error bar. */
export function allowedError(analytic: number, numeric: number, errorBar: number, tolerance: number): number {
  return tolerance * Math.max(Math.abs(analytic), Math.abs(numeric)) + errorBar;
}
