import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { numericalGradient, relativeDifference } from '../../src/index.js';

/** Relative closeness for one value, with a floor for values near zero. */
const close = (actual: number, expected: number, tolerance: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));

describe('numericalGradient (central differences)', () => {
  it('differentiates functions with known derivatives to ~1e-9 at the default step', () => {
    const cases: [(t: number) => number, (t: number) => number, number][] = [
      [Math.sin, Math.cos, 0.7],
      [Math.exp, Math.exp, 2.5],
      [(t) => t ** 3, (t) => 3 * t ** 2, -1.3],
      [Math.log, (t) => 1 / t, 0.4],
      [(t) => 1 / (1 + Math.exp(-t)), (t) => Math.exp(-t) / (1 + Math.exp(-t)) ** 2, 0.3],
      [(t) => 1e6 * t * t, (t) => 2e6 * t, 1234.5],
    ];
    for (const [f, df, at] of cases) close(numericalGradient(f, at) as number, df(at), 1e-9);
  });

  it('gives a record shaped like the parameters, of the same kinds', () => {
    const A = new Matrix([[2, 0], [1, 3]]);
    const params = { W: new Matrix([[0.5, -1], [2, 0.25]]), v: [1, -2], s: 3 };
    // J = ½ Σ (A∘W)² + v·v·s  →  dJ/dW = A∘A∘W, dJ/dv = 2 s v, dJ/ds = v·v
    const forward = (p: typeof params) => {
      let j = 0;
      for (let i = 0; i < 2; i++) for (let k = 0; k < 2; k++) j += 0.5 * (A.get(i, k) * p.W.get(i, k)) ** 2;
      return j + p.s * (p.v[0]! ** 2 + p.v[1]! ** 2);
    };
    const g = numericalGradient(forward, params) as { W: Matrix; v: number[]; s: number };
    expect(g.W).toBeInstanceOf(Matrix);
    const expected = [[4 * 0.5, 0], [1 * 2, 9 * 0.25]];
    g.W.to2DArray().forEach((row, i) => row.forEach((value, k) => close(value, expected[i]![k]!, 1e-9)));
    close(g.v[0]!, 6, 1e-9);
    close(g.v[1]!, -12, 1e-9);
    close(g.s, 5, 1e-9);
  });

  it('uses a fixed absolute step when given epsilon, dividing by 2·epsilon as the notebook does', () => {
    // J = θ³ at θ = 1: the central difference is exactly 3 + ε² in exact arithmetic.
    const coarse = numericalGradient((t: number) => t ** 3, 1, undefined, undefined, { epsilon: 1e-2 }) as number;
    close(coarse, 3 + 1e-4, 1e-10);
  });

  it('is accurate where a float64 step would round (large θ) and on Float32Array storage', () => {
    close(numericalGradient((t: number) => t * t, 1e8) as number, 2e8, 1e-9);
    const params = { w: Float32Array.of(0.1, -0.3) };
    const g = numericalGradient((p: typeof params) => p.w[0]! * p.w[0]! + 3 * p.w[1]!, params) as { w: Float32Array };
    expect(relativeDifference(g.w, [2 * params.w[0]!, 3])).toBeLessThan(1e-6);
  });

  it('leaves the parameters bit-identical', () => {
    const W = new Matrix([[0.1, 0.2 + 1e-17], [Math.PI, -0]]);
    const bits = Array.from(new Float64Array(W.to1DArray()));
    numericalGradient((p: { W: Matrix }) => p.W.norm() ** 3, { W });
    expect(Array.from(new Float64Array(W.to1DArray()))).toEqual(bits);
    expect(Object.is(W.get(1, 1), -0)).toBe(true);
  });
});

describe('relativeDifference', () => {
  it('is the notebook formula ‖a − b‖ / (‖a‖ + ‖b‖)', () => {
    expect(relativeDifference([3, 4], [0, 0])).toBe(1);
    expect(relativeDifference([1, 2], [1, 2])).toBe(0);
    expect(relativeDifference(2, 1)).toBeCloseTo(1 / 3, 15);
    expect(relativeDifference([0, 0], [0, 0])).toBe(0);
  });

  it('refuses vectors of different lengths', () => {
    expect(() => relativeDifference([1], [1, 2])).toThrow(RangeError);
  });
});
