import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/diagnosis/diagnose.js';
import { diagnoseRegularization } from '../../../src/diagnosis/regularization.js';
import { caseOf, evidenceOf, gradientPair, normals, unpatterned } from './gradient-case.js';

/** A 3×5 weight matrix θ, its cross-entropy gradient, and backprop off by `lambda`·θ. */
function withL2(lambda: number, seed = 31) {
  const { random, exact, numeric } = gradientPair(seed, 15, 0.3);
  const values = normals(random, 15);
  return { name: 'W2', shape: [3, 5], numeric, values, analytic: exact.map((g, k) => g + lambda * values[k]!), batchSize: 3 };
}

describe("diagnosis 'regularization'", () => {
  it('names an L2 term backprop adds and the cost lacks', () => {
    const diagnosis = diagnose(caseOf(withL2(0.05)));
    expect(diagnosis?.pattern).toBe('regularization');
    expect(diagnosis?.estimate).toBeCloseTo(0.05, 9);
    expect(diagnosis?.summary).toBe(
      'analytic − numeric = 0.05·θ, i.e. λ/m with λ = 0.15 if m = 3: backprop adds an L2 term that the cost does not have, or the cost lacks it',
    );
  });

  it("names an L2 term the cost has and backprop is missing (λ/m with the course's λ = 0.7, m = 3)", () => {
    const diagnosis = diagnose(caseOf(withL2(-0.7 / 3)));
    expect(diagnosis?.pattern).toBe('regularization');
    expect(diagnosis?.estimate).toBeCloseTo(-0.7 / 3, 9);
    expect(diagnosis?.summary).toBe("numeric − analytic = 0.233·θ, i.e. λ/m with λ = 0.7 if m = 3: backprop is missing the cost's L2 term");
  });

  it('takes m from whichever axis of x makes λ the number the user wrote (0.0875 = 0.7/8, with x 4×8 or 8×4)', () => {
    const diagnosis = diagnose({ ...caseOf(withL2(-0.0875)), batchSizes: [4, 8] });
    expect(diagnosis?.summary).toBe("numeric − analytic = 0.0875·θ, i.e. λ/m with λ = 0.7 if m = 8: backprop is missing the cost's L2 term");
  });

  it('gives the coefficient alone when x says nothing of m', () => {
    const diagnosis = diagnose({ ...caseOf(withL2(0.05)), batchSizes: [] });
    expect(diagnosis?.summary).toBe('analytic − numeric = 0.05·θ: backprop adds an L2 term that the cost does not have, or the cost lacks it');
  });

  it('does not fire when θ is 0 everywhere', () => {
    const spec = withL2(0.05);
    expect(diagnoseRegularization(evidenceOf({ ...spec, values: new Float64Array(15) }))).toBeUndefined();
  });

  it('leaves an error that is also one constant to axis, when θ is the same on every entry', () => {
    const { exact, numeric } = gradientPair(32, 5);
    const values = new Float64Array(5).fill(0.5);
    const input = caseOf({ name: 'b1', shape: [5, 1], numeric, values, analytic: exact.map((g) => g + 0.05 * 0.5) });
    expect(diagnose(input)?.pattern).toBe('axis');
  });

  it('does not fire when the error is proportional to θ on most entries only', () => {
    const spec = withL2(0.05);
    const analytic = spec.analytic.slice();
    analytic[4] = analytic[4]! + 0.1;
    expect(diagnoseRegularization(evidenceOf({ ...spec, analytic }))).toBeUndefined();
  });

  it('does not fire on a correct gradient, a noisy one, or random errors', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const { label, spec } of unpatterned(seed, [3, 5])) {
        expect(diagnoseRegularization(evidenceOf(spec)), `${label}, seed ${seed}`).toBeUndefined();
      }
    }
  });
});
