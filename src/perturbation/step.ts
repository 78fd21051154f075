import { NOISE_SIGMAS } from '../comparison/tolerance.js';

/**
 * 2⁻¹⁷ ≈ 7.6e-6 ≈ ∛ε: the step, relative to an entry's magnitude, that balances central
 * differences' O(h²) truncation against their O(ε/h) rounding; a power of two keeps h·|θ| exact.
 */
export const RELATIVE_STEP = 2 ** -17;

/** 2⁻⁹ ≈ 2e-3 ≈ ∛ε₃₂: the same balance for values kept in a Float32Array, whose rounding is 6e-8. */
export const RELATIVE_STEP_FLOAT32 = 2 ** -9;

/** How much larger each refinement step is than the last: 4 makes Richardson's weights 16/15 and −1/15. */
export const REFINEMENT_RATIO = 4;

/**
 * The step for an entry holding `value`: `epsilon` when the user fixed one (absolute, as in the
 * notebook), else a relative step × max(|θ|, 1), so that entries near 0 still get a step large
 * enough to rise above rounding. `noisy` raises the relative step for a cost whose measured
 * rounding noise is larger than float64's (see `noiseStep`).
 */
export function stepFor(value: number, epsilon: number | undefined, float32: boolean, noisy = 0): number {
  if (epsilon !== undefined) return epsilon;
  const relative = float32 ? RELATIVE_STEP_FLOAT32 : RELATIVE_STEP;
  return Math.max(relative, noisy) * Math.max(Math.abs(value), 1);
}

/**
 * 1e-8: a cost whose relative noise 4σ/|J| passes this computes in float32 somewhere (float32's
 * resolution is 6e-8, and sums of float32 terms measure 4σ/|J| ≈ 1e-7 and up); float64 costs stay
 * below it, even ones losing digits to a saturated sigmoid (seen up to 1.4e-9), whose steps are
 * better left small (a wider step crosses more ReLU kinks).
 */
export const FLOAT32_NOISE = 1e-8;

/**
 * ∛(4σ/|J|): the relative step at which a central difference's rounding, 4σ/h, balances its
 * truncation, for a cost computed in float32 with measured rounding noise σ (~2e-3); 0 for a cost
 * below FLOAT32_NOISE.
 */
export function noiseStep(sigma: number, cost: number): number {
  const relativeNoise = cost === 0 ? 0 : (NOISE_SIGMAS * sigma) / Math.abs(cost);
  return relativeNoise <= FLOAT32_NOISE ? 0 : Math.cbrt(relativeNoise);
}
