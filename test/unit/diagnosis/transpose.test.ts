import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/diagnosis/diagnose.js';
import { diagnoseTranspose } from '../../../src/diagnosis/transpose.js';
import { caseOf, evidenceOf, gradientPair, unpatterned } from './gradient-case.js';

/** The transpose of a row-major n×n matrix. */
function transposed(matrix: Float64Array, n: number): Float64Array {
  return matrix.map((_, k) => matrix[(k % n) * n + Math.floor(k / n)]!);
}

describe("diagnosis 'transpose'", () => {
  it('names a transposed gradient of a square weight matrix', () => {
    const { exact, numeric } = gradientPair(21, 16);
    const diagnosis = diagnose(caseOf({ name: 'W2', shape: [4, 4], numeric, analytic: transposed(exact, 4), batchSize: 3 }));
    expect(diagnosis?.pattern).toBe('transpose');
    expect(diagnosis?.estimate).toBeUndefined();
    expect(diagnosis?.summary).toMatch(/^analytic = numericᵀ: the gradient is transposed/);
  });

  it('leaves out an entry at a kink, and its mirror', () => {
    const { exact, numeric } = gradientPair(22, 9);
    const garbled = numeric.slice();
    garbled[1] = 40; // W[0,1] at a kink: its numeric value means nothing
    const diagnosis = diagnose(caseOf({ name: 'W', shape: [3, 3], numeric: garbled, analytic: transposed(exact, 3), kinks: [1] }));
    expect(diagnosis?.pattern).toBe('transpose');
    expect(diagnosis?.summary).toContain('(1 kink entry left out)');
  });

  it('does not fire when only some entries are transposed', () => {
    const { exact, numeric } = gradientPair(23, 16);
    const analytic = transposed(exact, 4);
    analytic[1] = exact[1]!; // W[0,1] right, W[1,0] still transposed
    expect(diagnoseTranspose(evidenceOf({ name: 'W', shape: [4, 4], numeric, analytic }))).toBeUndefined();
  });

  it('does not fire on a correct gradient, a noisy one, or random errors', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const { label, spec } of unpatterned(seed, [4, 4])) {
        expect(diagnoseTranspose(evidenceOf(spec)), `${label}, seed ${seed}`).toBeUndefined();
      }
    }
  });
});
