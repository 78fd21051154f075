import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { type AffineInputs, affineBackward, affineBackwardMeanDw, affineForward } from '../../examples/layers/affine.js';
import { layerCases } from '../../examples/layers/cases.js';
import { columnSums, mapEntries, times } from '../../examples/layers/matrix.js';
import { type LstmInputs, lstmStepBackward, lstmStepForward } from '../../examples/layers/lstm-step.js';
import { randomMatrix, seeded } from '../../examples/layers/random.js';
import { reluBackward, reluForward } from '../../examples/layers/relu.js';
import { checkJacobian, unroll } from '../../src/index.js';
import { errorOf } from './error-of.js';
import { counting } from '../models/counting.js';

function affine(): AffineInputs {
  const r = seeded(5);
  return { x: randomMatrix(4, 5, r), w: randomMatrix(5, 3, r), b: randomMatrix(1, 3, r) };
}
/** Every input entry, row-major, as a copy. */
const flat = ({ x, w, b }: AffineInputs) => unroll({ x, w, b }).vector;
const correct = (inputs: AffineInputs, dout: Matrix) => affineBackward(dout, affineForward(inputs)[1]);
const meanDw = (inputs: AffineInputs, dout: Matrix) => affineBackwardMeanDw(dout, affineForward(inputs)[1]);
const caseNamed = (name: string) => layerCases.find((c) => c.name.startsWith(name))!;

describe('what a layer check costs', () => {
  it('a passing check: 2N + 3 forwards (J twice at the start, once at the end) and 3 backwards (the gradients, their repeat, a second dout)', () => {
    const forward = counting(affineForward);
    const backward = counting(correct);
    const inputs = affine();
    const n = flat(inputs).length;
    const report = checkJacobian(backward, forward, inputs);
    expect(report.pass).toBe(true);
    expect(forward.calls).toBe(2 * n + 3);
    expect(report.evaluations).toBe(forward.calls);
    expect(backward.calls).toBe(3);
    expect(report.layer?.backwardCalls).toBe(backward.calls);
  });

  it("{ jacobian: 'full' }: still 2N + 2 forwards (memoized across output entries), one backward per output entry", () => {
    const forward = counting(affineForward);
    const backward = counting(correct);
    const inputs = affine();
    const n = flat(inputs).length;
    const report = checkJacobian(backward, forward, inputs, { jacobian: 'full' });
    expect(report.pass).toBe(true);
    expect(forward.calls).toBe(2 * n + 2);
    expect(backward.calls).toBe(4 * 3);
    expect(report.entries).toBe(4 * 3 * n);
    expect(report.parameters.map((p) => [p.name, p.shape])).toEqual([['dx', [12, 20]], ['dw', [12, 15]], ['db', [12, 3]]]);
  });

  it('a failing check spends more forwards only on the entries that need refining', () => {
    const forward = counting(affineForward);
    const report = checkJacobian(meanDw, forward, affine());
    expect(report.pass).toBe(false);
    expect(report.evaluations).toBe(forward.calls);
    expect(forward.calls).toBeGreaterThan(2 * 38 + 2);
  });
});

describe('the layer check', () => {
  it('gives backward the dout it checks with: options.dout as given, else seeded and shaped like the output', () => {
    const seen: Matrix[] = [];
    const spy = (inputs: AffineInputs, dout: Matrix) => (seen.push(dout), correct(inputs, dout));
    const dout = randomMatrix(4, 3, seeded(9));
    expect(checkJacobian(spy, affineForward, affine(), { dout }).pass).toBe(true);
    expect(seen[0]).toBe(dout);
    seen.length = 0;
    checkJacobian(spy, affineForward, affine(), { seed: 7 });
    expect(seen[0]).toBeInstanceOf(Matrix);
    expect([seen[0]!.rows, seen[0]!.columns]).toEqual([4, 3]);
    expect(seen[0]!.to1DArray().every((v) => Math.abs(v) >= 0.5 && Math.abs(v) < 1.5)).toBe(true);
    const again: Matrix[] = [];
    checkJacobian((i: AffineInputs, d: Matrix) => (again.push(d), correct(i, d)), affineForward, affine(), { seed: 7 });
    expect(again[0]!.to1DArray()).toEqual(seen[0]!.to1DArray());
  });

  it('checks a record output ({ h, c }) with a record dout keyed by name or d + name', () => {
    const lstm = caseNamed('LSTM');
    const inputs = lstm.inputs() as LstmInputs;
    const dout = { dh: randomMatrix(3, 3, seeded(1)), dc: randomMatrix(3, 3, seeded(2)) };
    const backward = (i: LstmInputs, d: { dh: Matrix; dc: Matrix }) => lstmStepBackward({ h: d.dh, c: d.dc }, lstmStepForward(i)[1]);
    const report = checkJacobian(backward, lstmStepForward, inputs, { dout });
    expect(report.pass).toBe(true);
    expect(report.layer?.outputs).toEqual([{ name: 'h', shape: [3, 3] }, { name: 'c', shape: [3, 3] }]);
    expect(errorOf(() => checkJacobian(backward, lstmStepForward, inputs, { dout: { dh: dout.dh } as never })).message).toBe(
      'dout has no entry for output c: expected a key "c" or "dc".',
    );
  });

  it('reads outputs of every kind: a number, a number[], a number[][], a Float32Array, or [output, cache]', () => {
    const x = () => ({ x: [0.3, -1.2, 0.8] });
    const square = (d: number[]) => ({ dx: x().x.map((v, i) => 2 * v * d[i]!) });
    expect(checkJacobian((_: unknown, d: number[]) => square(d), ({ x: v }: { x: number[] }) => v.map((u) => u * u), x()).pass).toBe(true);
    expect(checkJacobian((_: unknown, d: number) => ({ dx: x().x.map((v) => 2 * v * d) }), ({ x: v }: { x: number[] }) => v.reduce((s, u) => s + u * u, 0), x()).pass).toBe(true);
    const rows = ({ x: v }: { x: number[] }) => [v.map((u) => u * u), v.map((u) => 3 * u)];
    expect(checkJacobian((_: unknown, d: number[][]) => ({ dx: x().x.map((v, i) => 2 * v * d[0]![i]! + 3 * d[1]![i]!) }), rows, x()).pass).toBe(true);
    const pair = ({ x: v }: { x: number[] }) => [v.map((u) => u * u), { cached: v }] as const;
    expect(checkJacobian((_: unknown, d: number[]) => square(d), pair, x()).pass).toBe(true);
  });

  it('checks a float32 layer: correct passes, a 1% error in one entry fails', () => {
    const inputs = () => ({ x: Float32Array.from([0.3, -1.2, 0.8, 2.1]) });
    const forward = ({ x }: { x: Float32Array }) => Float32Array.from(x, (v) => 2 * Math.tanh(v));
    const backward = (error: number) => ({ x }: { x: Float32Array }, dout: Float32Array) => ({
      dx: Float32Array.from(x, (v, i) => dout[i]! * 2 * (1 - Math.tanh(v) ** 2) * (i === 1 ? 1 + error : 1)),
    });
    expect(checkJacobian(backward(0), forward, inputs()).pass).toBe(true);
    const report = checkJacobian(backward(0.01), forward, inputs());
    expect(report.pass).toBe(false);
    expect(report.parameters[0]!.worst[0]!.label).toBe('dx[1]');
  });

  it('judges a ReLU at x = 0 as a kink, and passes the subgradient 0', () => {
    const inputs = { x: new Matrix([[0, 1.5, -0.5], [0.25, 0, -2]]) };
    const report = checkJacobian((i: { x: Matrix }, d: Matrix) => reluBackward(d, reluForward(i)[1]), reluForward, inputs);
    expect(report.pass).toBe(true);
    expect(report.kinks).toBe(2);
  });

  it("fast mode and sample work as for parameters: a fast check names the wrong tensor's entries", () => {
    const conv = caseNamed('2-D convolution');
    const fast = checkJacobian(conv.bugs[0]!.backward, conv.forward, conv.inputs(), { mode: 'fast' });
    expect(fast.mode).toBe('fast');
    expect(fast.pass).toBe(false);
    expect(fast.parameters.filter((p) => !p.pass).map((p) => p.name)).toEqual(['dw']);
    expect(fast.parameters.find((p) => p.name === 'dw')!.worst[0]!.label).toMatch(/^dw\[\d+\]$/);
    const sampled = checkJacobian(conv.backward, conv.forward, conv.inputs(), { sample: 4 });
    expect(sampled.pass).toBe(true);
    expect(sampled.checkedEntries).toBe(4 + 4 + 2); // b has only 2 entries
  });

  it('says a backward ignores dout, but not one whose gradients are all zero', () => {
    const ones = (inputs: AffineInputs) => affineBackward(Matrix.ones(4, 3), affineForward(inputs)[1]);
    expect(checkJacobian(ones, affineForward, affine()).layer?.ignoresDout).toBe(true);
    expect(checkJacobian(correct, affineForward, affine()).layer?.ignoresDout).toBe(false);
    const constant = checkJacobian(() => ({ dx: [0, 0] }), () => [1, 2], { x: [0.5, 0.7] });
    expect(constant.pass).toBe(true);
    expect(constant.layer?.ignoresDout).toBe(false);
  });

  it("{ jacobian: 'full' } names output–input pairs and catches a wrong entry of the Jacobian", () => {
    // out = [x0·x1, x1²]; the planted bug gets ∂out0/∂x1 wrong only.
    const forward = ({ x }: { x: number[] }) => [x[0]! * x[1]!, x[1]! ** 2];
    const backward = ({ x }: { x: number[] }, d: number[]) => ({ dx: [d[0]! * x[1]!, d[0]! * x[0]! * 1.5 + d[1]! * 2 * x[1]!] });
    const report = checkJacobian(backward, forward, { x: [0.7, -1.3] }, { jacobian: 'full' });
    expect(report.pass).toBe(false);
    expect(report.failingEntries).toBe(1);
    expect(report.parameters[0]!.worst[0]!.label).toBe('out[0] ← x[1]');
  });

  it('leaves the inputs bit-identical after a pass, a failure and a throw', () => {
    const inputs = affine();
    const before = flat(inputs);
    checkJacobian(correct, affineForward, inputs);
    checkJacobian(meanDw, affineForward, inputs, { jacobian: 'full' });
    errorOf(() => checkJacobian(correct, (i: AffineInputs) => (i.w.get(1, 1) === before[20 + 4] ? affineForward(i) : [Number.NaN]), inputs));
    expect(flat(inputs)).toEqual(before);
  });

  it('passes a correct tanh layer whose outputs saturate to ±1: ⟨dout, out⟩ cancels to far less than its terms, whose rounding it carries', () => {
    // Found by the layers property's soak: out ≈ (−1, −1, 1, 1) and ⟨dout, out⟩ = 0.018; with J's rounding taken
    // from |J| alone, dx[0,1] and dx[0,2] (about 1e-6) were called wrong.
    const r = seeded(273220572);
    const inputs = { x: randomMatrix(1, 3, r, 3), w: randomMatrix(3, 4, r, 3), b: randomMatrix(1, 4, r, 3) };
    type Inputs = typeof inputs;
    const forward = ({ x, w, b }: Inputs) => mapEntries(x.mmul(w).addRowVector(b.to1DArray()), Math.tanh);
    const backward = ({ x, w, b }: Inputs, dout: Matrix) => {
      const da = times(dout, mapEntries(forward({ x, w, b }), (t) => 1 - t * t));
      return { dx: da.mmul(w.transpose()), dw: x.transpose().mmul(da), db: columnSums(da) };
    };
    expect(forward(inputs).to1DArray().every((t) => Math.abs(t) > 0.999999)).toBe(true);
    expect(checkJacobian(backward, forward, inputs).pass).toBe(true);
  });
});

describe('clear errors for an unusable layer', () => {
  const forward = affineForward;
  const cases: [string, () => unknown, string | RegExp][] = [
    ['forward not a function', () => checkJacobian(correct, 'forward' as never, affine()), 'forward is the string "forward"; expected a function (inputs) => output.'],
    ['forward returning a string', () => checkJacobian(correct, () => 'out' as never, affine()), /^forward returned the string "out" as out; expected the layer's output/],
    ['forward returning NaN in the output', () => checkJacobian(correct, () => [1, Number.NaN], affine()), "forward's output out[1] is NaN at the unperturbed parameters; every entry must be a finite number."],
    ['forward returning an empty record', () => checkJacobian(correct, () => ({}) as never, affine()), /^forward returned an output record with no keys/],
    ['an output whose shape follows the inputs', () => checkJacobian(() => ({ x: [1, 1] }), ({ x }: { x: number[] }) => (x[0] === 0.5 ? [1, 2] : [1, 2, 3]), { x: [0.5, 1] }), "forward's output out has shape 3 while x[0] was perturbed but 2 at the unperturbed inputs; a layer's output shape must not depend on its inputs' values."],
    ['dout of the wrong shape', () => checkJacobian(correct, forward, affine(), { dout: Matrix.ones(3, 4) }), 'dout has shape 3×4 but the output out has shape 4×3; dout must have exactly the output’s shape.'],
    ['dout holding NaN', () => checkJacobian(correct, forward, affine(), { dout: new Matrix(4, 3).fill(Number.NaN) }), 'dout[0,0] is NaN; every entry must be a finite number.'],
    ['a gradients record without options.dout', () => checkJacobian({ dx: 1 }, forward, affine()), /^backward is a gradients record, computed for some dout: pass that dout as options\.dout/],
    ["a gradients record with { jacobian: 'full' }", () => checkJacobian({ dx: 1 }, forward, affine(), { jacobian: 'full', dout: Matrix.ones(4, 3) }), /^options\.jacobian 'full' calls backward once per output entry/],
    ['an unknown jacobian option', () => checkJacobian(correct, forward, affine(), { jacobian: 'rows' as never }), "options.jacobian is the string \"rows\"; expected 'vector' or 'full'."],
    ['an unknown option', () => checkJacobian(correct, forward, affine(), { upstream: 1 } as never), 'Unknown option "upstream"; the options are epsilon, tolerance, mode, seed, sample, budget, timeBudget, reportDir, dout, jacobian.'],
    ['a missing gradient', () => checkJacobian((i: AffineInputs, d: Matrix) => ({ dx: correct(i, d).dx, dw: correct(i, d).dw }), forward, affine()), /^No gradient for parameter b: expected a key "b" or "db"/],
    ['a backward writing to dout', () => checkJacobian((i: AffineInputs, d: Matrix) => correct(i, d.mul(2)), forward, affine()), /^backward changed its input: dout\[0,0\] was .* It must not write to its inputs or dout; the values have been restored\.$/],
    ['a backward writing to an input', () => checkJacobian((i: AffineInputs, d: Matrix) => correct({ ...i, x: i.x.mul(1) }, d) && { ...correct(i, d), dx: i.x.add(1) }, forward, affine()), /^backward changed its input: x\[0,0\] was .* It must not write to its inputs or dout/],
    ['a forward writing to an input', () => checkJacobian(correct, (i: AffineInputs) => affineForward({ ...i, b: i.b.mul(0.5) }), affine()), /^forward changed its input: b\[0,0\] was .* It must not write to its inputs; the values have been restored\.$/],
    ['a forward that is not deterministic', () => checkJacobian(correct, (i: AffineInputs) => affineForward(i)[0].mul(1 + 1e-3 * Math.random()), affine()), /^forward is not deterministic/],
  ];

  it.each(cases)('%s', (_, call, message) => {
    const error = errorOf(call);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it('restores a dout that backward wrote to', () => {
    const dout = randomMatrix(4, 3, seeded(3));
    const before = dout.to1DArray();
    errorOf(() => checkJacobian((i: AffineInputs, d: Matrix) => correct(i, d.mul(2)), affineForward, affine(), { dout }));
    expect(dout.to1DArray()).toEqual(before);
  });
});
