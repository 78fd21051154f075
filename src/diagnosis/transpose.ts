import type { Diagnosis } from './diagnosis.js';
import { at, leftOutNote, type Evidence } from './evidence.js';
import { explainsError, MIN_EVIDENCE } from './fit.js';
import { gridOf } from './matrix-shape.js';

/** The flat index of entry k's mirror image across the diagonal of an n×n matrix. */
function mirrorIndex(n: number, k: number): number {
  return (k % n) * n + Math.floor(k / n);
}

/**
 * 'transpose': a square matrix whose analytic gradient equals numericᵀ within the checker's
 * allowance (of either entry of each mirrored pair), while it is not numeric itself (the gate asks
 * the transpose to explain all but 0.1% of ‖a − n‖). Pairs with an unreliable side are left out.
 */
export function diagnoseTranspose(evidence: Evidence): Diagnosis | undefined {
  const grid = gridOf(evidence.input.shape);
  if (grid === undefined || grid.rows !== grid.columns || grid.rows < 2) return undefined;
  if (evidence.failing.length < MIN_EVIDENCE) return undefined;
  const { numeric, allowed, reliable } = evidence.input;
  const n = grid.rows;
  const mirror = (k: number) => mirrorIndex(n, k);
  const pairs = evidence.reliable.filter((k) => at(reliable, mirror(k)) === 1);
  const fits = explainsError(
    evidence,
    pairs,
    (k) => at(numeric, mirror(k)),
    (k) => Math.max(at(allowed, k), at(allowed, mirror(k))),
  );
  if (!fits) return undefined;
  return {
    pattern: 'transpose',
    summary: `analytic = numericᵀ${leftOutNote(evidence)}: the gradient is transposed (e.g. dZ·Aᵀ written as A·dZᵀ, or rows and columns swapped)`,
  };
}
