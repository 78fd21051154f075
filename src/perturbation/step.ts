/**
 * 2⁻¹⁷ ≈ 7.6e-6 ≈ ∛ε: the step, relative to an entry's magnitude, that balances central
 * differences' O(h²) truncation against their O(ε/h) rounding; a power of two keeps h·|θ| exact.
 */
export const RELATIVE_STEP = 2 ** -17;

/** How much larger each refinement step is than the last: 4 makes Richardson's weights 16/15 and −1/15. */
export const REFINEMENT_RATIO = 4;

/**
 * The step for an entry holding `value`: `epsilon` when the user fixed one (absolute, as in
 * the notebook), else RELATIVE_STEP × max(|θ|, 1) so that entries near 0 still get a step
 * large enough to rise above rounding.
 */
export function stepFor(value: number, epsilon: number | undefined): number {
  return epsilon ?? RELATIVE_STEP * Math.max(Math.abs(value), 1);
}
