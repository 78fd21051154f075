import { describe, expect, it } from 'vitest';
import { checkGradients, roll, type TensorLike, unroll } from '../../src/index.js';
import { failingLabels } from '../models/notebook-case.js';
import { errorOf } from './error-of.js';

/** The bits of every number, so −0 and 0 differ and restoration is checked exactly. */
const bits = (values: ArrayLike<number>) => Array.from(values, (v) => Object.is(v, -0) ? '-0' : String(v));

/** J = Σₖ (k + 1)·sin(θₖ) over the entries in row-major order, read through `entries`; dJ/dθₖ = (k + 1)·cos(θₖ). */
function sineCost<P>(entries: (p: P) => number[]) {
  const forward = (p: P) => entries(p).reduce((sum, v, k) => sum + (k + 1) * Math.sin(v), 0);
  const gradient = (p: P) => entries(p).map((v, k) => (k + 1) * Math.cos(v));
  return { forward, gradient };
}

const rank3 = () => ({ w: { data: Float64Array.from({ length: 12 }, (_, k) => 0.3 * k - 1.7), shape: [2, 3, 2] } });
type Rank3 = ReturnType<typeof rank3>;

describe('tensor-like { data, shape } parameters', () => {
  const { forward, gradient } = sineCost((p: Rank3) => Array.from(p.w.data));

  it('are perturbed in place and pass with the right gradient', () => {
    const params = rank3();
    const seen = new Set<number>();
    const report = checkGradients(
      { w: { data: gradient(params), shape: [2, 3, 2] } },
      (p: Rank3) => {
        expect(p.w).toBe(params.w);
        seen.add(p.w.data[10]!);
        return forward(p);
      },
      params,
    );
    expect(report.pass).toBe(true);
    expect(report.parameters[0]!.shape).toEqual([2, 3, 2]);
    expect(seen.size).toBeGreaterThan(1);
  });

  it('name a wrong entry by its index at rank 3 (w[1,2,0]), and are restored bit for bit', () => {
    const params = rank3();
    const before = bits(params.w.data);
    const wrong = gradient(params);
    wrong[1 * 6 + 2 * 2 + 0] = 1.1 * wrong[10]!;
    const report = checkGradients({ dw: { data: wrong, shape: [2, 3, 2] } }, forward, params);
    expect(failingLabels(report)).toEqual(['w[1,2,0]']);
    expect(bits(params.w.data)).toEqual(before);
  });

  it('are restored bit for bit when forward throws', () => {
    const params = rank3();
    const before = bits(params.w.data);
    let calls = 0;
    const throwing = (p: Rank3) => {
      if (++calls === 5) throw new Error('boom');
      return forward(p);
    };
    expect(() => checkGradients({ w: { data: gradient(params), shape: [2, 3, 2] } }, throwing, params)).toThrow(/forward threw while w\[0,0,1\] was perturbed: boom/);
    expect(bits(params.w.data)).toEqual(before);
  });

  it('over number[] data and at rank 0', () => {
    const params = { v: { data: [0.5, -2], shape: [2] }, s: { data: [0.25], shape: [] } };
    const cost = (p: typeof params) => p.v.data[0]! * p.v.data[1]! + p.s.data[0]! ** 2;
    const report = checkGradients({ v: { data: [-2, 0.5], shape: [2] }, s: { data: [0.4], shape: [] } }, cost, params);
    expect(failingLabels(report)).toEqual(['s']);
    expect(params.v.data).toEqual([0.5, -2]);
  });

  it('follow ndarray strides: a transposed view is labelled by its own shape', () => {
    // A is 2×3 row-major; At views it as 3×2 with stride [1, 3], so At[i,j] = A[j,i].
    const A = Float64Array.from([1, 2, 3, 4, 5, 6], (v) => v / 4);
    const params = { At: { data: A, shape: [3, 2], stride: [1, 3], offset: 0 } };
    const { forward: cost, gradient: grad } = sineCost((p: typeof params) =>
      Array.from({ length: 6 }, (_, k) => p.At.data[(k % 2) * 3 + Math.floor(k / 2)]!),
    );
    const right = grad(params);
    expect(checkGradients({ At: { data: right, shape: [3, 2] } }, cost, params).pass).toBe(true);
    const wrong = [...right];
    wrong[2 * 2 + 1] = -wrong[5]!;
    expect(failingLabels(checkGradients({ At: { data: wrong, shape: [3, 2] } }, cost, params))).toEqual(['At[2,1]']);
    expect(Array.from(A)).toEqual([0.25, 0.5, 0.75, 1, 1.25, 1.5]);
  });

  it('roll gives a tensor-like back with its shape', () => {
    const { vector, layout } = unroll(rank3());
    const back = roll(vector, layout) as { w: TensorLike };
    expect(back.w.shape).toEqual([2, 3, 2]);
    expect(Array.from(back.w.data)).toEqual(Array.from(rank3().w.data));
  });
});

describe('arrays of Float32Array rows (brain.js weights)', () => {
  const rows = () => ({ W: [Float32Array.from([0.5, -1, 2]), Float32Array.from([1.5, 0.25, -0.75])] });
  const { forward, gradient } = sineCost((p: ReturnType<typeof rows>) => p.W.flatMap((row) => Array.from(row)));

  it('are labelled as a matrix, and restored bit for bit', () => {
    const params = rows();
    const before = params.W.map((row) => bits(row));
    const right = gradient(params);
    expect(checkGradients({ W: [right.slice(0, 3), right.slice(3)] }, forward, params).pass).toBe(true);
    const wrong = [...right];
    wrong[3] = 2 * wrong[3]!;
    const report = checkGradients({ W: [wrong.slice(0, 3), wrong.slice(3)] }, forward, params);
    expect(report.parameters[0]!.shape).toEqual([2, 3]);
    expect(failingLabels(report)).toEqual(['W[1,0]']);
    expect(params.W.map((row) => bits(row))).toEqual(before);
  });

  it('roll gives Float32Array rows back', () => {
    const { vector, layout } = unroll(rows());
    const back = roll(vector, layout) as { W: Float32Array[] };
    expect(back.W.every((row) => row instanceof Float32Array)).toBe(true);
    expect(back.W.map((row) => Array.from(row))).toEqual(rows().W.map((row) => Array.from(row)));
  });
});

describe('tensor-like values that cannot be used', () => {
  const message = (params: unknown) => errorOf(() => checkGradients({}, () => 0, params as never)).message;

  it.each([
    ['data shorter than the shape', { w: { data: new Float32Array(10), shape: [2, 3, 2] } }, 'w has shape 2×3×2 (12 entries) but its data holds 10 numbers; data must hold one number per entry, row-major.'],
    ['data longer than the shape', { w: { data: [1, 2, 3], shape: [2] } }, 'w has shape 2 (2 entries) but its data holds 3 numbers; data must hold one number per entry, row-major.'],
    ['a shape that is not whole numbers', { w: { data: [1, 2], shape: [2.5] } }, 'w.shape is not an array of whole numbers ≥ 0; a tensor-like value needs its shape as one.'],
    ['data that is not numbers', { w: { data: 'ab', shape: [2] } }, 'w.data is not a number[], Float64Array or Float32Array; a tensor-like value keeps its numbers in one of those.'],
    ['an empty shape dimension', { w: { data: [], shape: [0, 3] } }, 'w has no entries (shape 0×3); expected at least one.'],
    ['strides that reach outside data', { w: { data: [1, 2, 3, 4], shape: [2, 2], stride: [3, 1] } }, "w's shape, stride and offset reach data[4], outside its 4 numbers."],
    ['a stride per dimension missing', { w: { data: [1, 2, 3, 4], shape: [2, 2], stride: [2] } }, 'w.stride must hold one whole number per dimension of its shape 2×2, and its offset a whole number.'],
    ['a NaN entry', { w: { data: [1, Number.NaN], shape: [2] } }, 'w[1] is NaN; every entry must be a finite number.'],
    ['frozen data', { w: { data: Object.freeze([1, 2]), shape: [2] } }, 'w is frozen (read-only); parameters are perturbed in place, so pass a writable copy.'],
  ])('%s', (_, params, expected) => {
    expect(message(params)).toBe(expected);
  });
});
