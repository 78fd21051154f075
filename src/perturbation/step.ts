import { FLOAT32_NOISE, relativeNoise } from '../comparison/tolerance.js';

/**
 * 2⁻¹⁷ ≈ 7.6e-6 ≈ ∛ε: the step, relative to an entry's magnitude, that balances central
 * differences' O(h²) truncation against their O(ε/h) rounding; a power of two keeps h·|θ| exact.
 */
export const RELATIVE_STEP = 2 ** -17;

/** 2⁻⁹ ≈ 2e-3 ≈ ∛ε₃₂: the same balance for values kept in float32 (Float32Array, rows of them), whose rounding is 6e-8. */
export const RELATIVE_STEP_FLOAT32 = 2 ** -9;

/** How much larger each refinement step is than the last: 4 makes Richardson's weights 16/15 and −1/15. */
export const REFINEMENT_RATIO = 4;

/**
 * The step for an entry holding `value`: `epsilon` when the user fixed one (absolute, as in the
 * notebook), else a relative step × max(|θ|, 1), so that entries near 0 still get a step large
 * enough to rise above rounding. `noisy` raises the relative step for a cost whose measured
 * rounding noise is larger than float64's (see `noiseStep`).
 */
export function stepFor(value: number, epsilon: number | undefined, float32 = false, noisy = 0): number {
  if (epsilon !== undefined) return epsilon;
  const relative = float32 ? RELATIVE_STEP_FLOAT32 : RELATIVE_STEP;
  return Math.max(relative, noisy) * Math.max(Math.abs(value), 1);
}

/**
 * ∛(4σ/|J|): the relative step at which a central difference's rounding, 4σ/h, balances its
 * truncation, for a cost computed in float32 with measured rounding noise σ (~2e-3); 0 for a cost
 * below FLOAT32_NOISE.
 */
export function noiseStep(sigma: number, cost: number): number {
  const noise = relativeNoise(sigma, cost);
  return noise <= FLOAT32_NOISE ? 0 : Math.cbrt(noise);
}

/**
 * 2⁻⁴⁴ (float64) or 2⁻²⁰ (float32) × max(|θ|, 1): the smallest step the kink ladder takes, 256 or
 * 8 units of the value's last place, so the move actually stored is still a clean multiple of them.
 */
export function stepFloor(value: number, float32 = false): number {
  return (float32 ? 2 ** -20 : 2 ** -44) * Math.max(Math.abs(value), 1);
}
