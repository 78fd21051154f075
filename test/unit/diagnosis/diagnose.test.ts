import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/diagnosis/diagnose.js';
import { caseOf, gradientPair, unpatterned } from './gradient-case.js';

/**
 * The notebook's dW2 (3×5): units 0 and 1 of layer 2 never fire on the 3 examples and unit 3 of
 * layer 1 neither, so 11 of the 15 entries are exactly 0 on both sides; the buggy backprop forgot 1/m.
 */
function notebookW2() {
  const { numeric } = gradientPair(71, 15);
  const dead = (k: number) => Math.floor(k / 5) < 2 || k % 5 === 3;
  const exact = numeric.map((n, k) => (dead(k) ? 0 : n));
  return { name: 'W2', shape: [3, 5], numeric: exact, analytic: exact.map((n) => 3 * n), batchSize: 3 };
}

describe('diagnose', () => {
  it("names the notebook's W2: analytic = 3 × numeric with m = 3, 4 of 15 entries failing", () => {
    const input = caseOf(notebookW2());
    expect(input.failing.reduce((s, f) => s + f, 0)).toBe(4);
    const diagnosis = diagnose(input);
    expect(diagnosis?.pattern).toBe('scale');
    expect(diagnosis?.estimate).toBeCloseTo(3, 9);
    expect(diagnosis?.summary).toBe(
      '3× too large: analytic = 3 × numeric on every entry (11 are 0 on both sides). ' +
        'Likely a missing 1/m (m = 3 examples): the sum over the examples is never divided by m.',
    );
  });

  it("names the notebook's b1 (5×1): analytic = 2 × numeric, one unit dead", () => {
    const { numeric } = gradientPair(72, 5, 0.4);
    numeric[2] = 0;
    const diagnosis = diagnose(caseOf({ name: 'b1', shape: [5, 1], numeric, analytic: numeric.map((n) => 2 * n), batchSize: 3 }));
    expect(diagnosis?.pattern).toBe('scale');
    expect(diagnosis?.estimate).toBeCloseTo(2, 9);
    expect(diagnosis?.summary).toMatch(/^2× too large: analytic = 2 × numeric on every entry \(1 is 0 on both sides\)\. Likely a factor 2 too many/);
  });

  it('leaves entries at a kink out of the fit: one garbage value does not spoil the scale', () => {
    const spec = notebookW2();
    const numeric = spec.numeric.slice();
    numeric[12] = -0.8; // W2[2,2] at a ReLU kink: its central difference straddles the kink
    expect(diagnose(caseOf({ ...spec, numeric }))?.pattern).not.toBe('scale');
    const diagnosis = diagnose(caseOf({ ...spec, numeric, kinks: [12] }));
    expect(diagnosis?.pattern).toBe('scale');
    expect(diagnosis?.estimate).toBeCloseTo(3, 9);
    expect(diagnosis?.summary).toBe(
      '3× too large: analytic = 3 × numeric on every entry (11 are 0 on both sides) (1 kink entry left out). ' +
        'Likely a missing 1/m (m = 3 examples): the sum over the examples is never divided by m.',
    );
  });

  it('says nothing when only entries at a kink fail', () => {
    const { exact, numeric } = gradientPair(73, 15);
    const analytic = exact.slice();
    analytic[4] = 7;
    expect(diagnose(caseOf({ name: 'W2', shape: [3, 5], numeric, analytic, kinks: [4] }))).toBeUndefined();
  });

  it('for a scalar, names only the factors common bugs produce', () => {
    const scalar = (k: number) => caseOf({ name: 'b3', shape: [], numeric: Float64Array.of(0.37), analytic: Float64Array.of(0.37 * k), batchSize: 3 });
    expect(diagnose(scalar(3))?.summary).toContain('a missing 1/m (m = 3 examples');
    expect(diagnose(scalar(1 / 3))?.summary).toContain('an extra 1/m (m = 3 examples');
    expect(diagnose(scalar(2))?.summary).toMatch(/^2× too large: analytic = 2 × numeric/);
    expect(diagnose(scalar(0.5))?.pattern).toBe('scale');
    expect(diagnose(scalar(-1))?.summary).toMatch(/^the wrong sign: .* Likely a flipped sign/);
    expect(diagnose(scalar(2.37))).toBeUndefined();
    expect(diagnose(scalar(3.01))).toBeUndefined();
    expect(diagnose(scalar(0))).toBeUndefined();
  });

  it('says nothing on a correct gradient, a noisy one, or random errors', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      for (const shape of [[3, 5], [4, 4], [5, 1], [6]]) {
        for (const { label, spec } of unpatterned(seed, shape)) {
          expect(diagnose(caseOf(spec)), `${label}, ${shape.join('×')}, seed ${seed}`).toBeUndefined();
        }
      }
    }
  });

  it('says nothing when a reliable entry is not finite', () => {
    const spec = notebookW2();
    const analytic = spec.analytic.slice();
    analytic[14] = Number.NaN;
    expect(diagnose(caseOf({ ...spec, analytic }))).toBeUndefined();
  });

  it('rejects arrays that do not match the shape', () => {
    const input = caseOf(notebookW2());
    expect(() => diagnose({ ...input, shape: [3, 4] })).toThrow(RangeError);
  });
});
