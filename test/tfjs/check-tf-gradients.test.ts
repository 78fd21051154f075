import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { rmsNormModel } from '../../examples/tfjs/rms-norm.js';
import { softplus, softplusForgettingDy } from '../../examples/tfjs/softplus.js';
import { checkGradients, GradcheckError, type GradientReport } from '../../src/index.js';
import { checkTfGradients, type Float64Input } from '../../src/tfjs.js';
import { failingLabels } from '../models/notebook-case.js';
import { errorOf } from '../unit/error-of.js';
import { seededTensor, tf } from './tf.js';

/** tanh with a hand-written gradient that is `factor` times too large at flat entry `at` (every entry when `at` is -1). */
function tanhWrongAt(factor: number, at: number) {
  return tf.customGrad((...args) => {
    const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
    save([x]);
    const gradFunc = (dy: tf.Tensor | tf.Tensor[], [s]: tf.Tensor[]) => {
      const slope = tf.sub(1, tf.square(tf.tanh(s as tf.Tensor)));
      const factors = Float32Array.from({ length: (s as tf.Tensor).size }, (_, k) => (at < 0 || k === at ? factor : 1));
      return tf.mul(tf.mul(dy as tf.Tensor, slope), tf.tensor(factors, (s as tf.Tensor).shape));
    };
    return { value: tf.tanh(x), gradFunc };
  }) as (x: tf.Tensor) => tf.Tensor;
}

/** Every input's numbers as bits (−0 apart from 0), to see that nothing changed them. */
const bitsOf = (tensors: readonly tf.Tensor[]) => tensors.map((t) => Array.from(new Uint32Array(Float32Array.from(t.dataSync()).buffer)));

describe('checkTfGradients: tfjs’s own gradients against central differences', () => {
  it.each<[string, (...x: tf.Tensor[]) => tf.Tensor, () => tf.Tensor[]]>([
    ['conv2d, stride 2, same padding', (x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 2, 'same'), () => [seededTensor([1, 5, 5, 2], 2), seededTensor([3, 3, 2, 3], 3)]],
    ['maxPool', (x) => tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid'), () => [seededTensor([1, 4, 4, 2], 9)]],
    ['logSumExp', (x) => tf.logSumExp(x, 1), () => [seededTensor([3, 6], 7, 3)]],
    ['pad then slice', (x) => tf.slice(tf.pad(x, [[1, 1], [0, 2]]), [0, 1], [3, 3]), () => [seededTensor([3, 4], 1)]],
    ['a stable softplus by tf.customGrad', (x) => softplus(x), () => [seededTensor([3, 4], 1, 4)]],
  ])('%s passes, each input labelled by its shape', (_, f, make) => {
    const inputs = make();
    const report = checkTfGradients(f, inputs);
    expect(failingLabels(report)).toEqual([]);
    expect(report.pass).toBe(true);
    expect(report.parameters.map((p) => [p.name, p.shape])).toEqual(inputs.map((x, i) => [`x${i}`, x.shape]));
    expect(report.entries).toBe(inputs.reduce((n, x) => n + x.size, 0));
  });

  it('a sign flip or a 1% error in one entry of a custom gradient fails, naming that entry', () => {
    const x = seededTensor([3, 4], 1, 2);
    for (const factor of [-1, 1.01]) {
      const report = checkTfGradients((x) => tanhWrongAt(factor, 5)(x), [x]);
      expect(failingLabels(report)).toEqual(['x0[1,1]']);
    }
  });

  it('a factor 2 on the whole gradient is diagnosed', () => {
    const report = checkTfGradients(({ x }) => tanhWrongAt(2, -1)(x), { x: seededTensor([3, 4], 1, 2) });
    expect(report.parameters[0]?.failing).toBe(12);
    expect(report.parameters[0]?.diagnosis).toMatchObject({ pattern: 'scale', estimate: expect.closeTo(2, 3) });
  });

  it('finds tfjs 4.22’s cpu avgPool gradient wrong with same padding; a float64 reference agrees with tfjs’s forward', () => {
    // TF's avgPool divides each window by its cells inside the input; the cpu gradient divides by the full 3×3.
    const averagePool = ({ data, shape }: Float64Input) => {
      const [, height, width, channels] = shape as [number, number, number, number];
      const out: number[] = [];
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let c = 0; c < channels; c++) {
        let sum = 0;
        let count = 0;
        for (let r = 2 * i - 1; r <= 2 * i + 1; r++) for (let q = 2 * j - 1; q <= 2 * j + 1; q++) {
          if (r < 0 || q < 0 || r >= height || q >= width) continue;
          sum += data[(r * width + q) * channels + c] as number;
          count++;
        }
        out.push(sum / count);
      }
      return out;
    };
    const x = seededTensor([1, 5, 5, 2], 1);
    const pool = (x: tf.Tensor) => tf.avgPool(x as tf.Tensor4D, 3, 2, 'same');
    const forward = pool(x).dataSync();
    const reference = averagePool({ data: Float64Array.from(x.dataSync()), shape: x.shape });
    expect(Array.from(forward).every((v, k) => Math.abs(v - (reference[k] as number)) < 1e-6)).toBe(true);
    for (const report of [checkTfGradients(pool, [x]), checkTfGradients(pool, [x], { reference: averagePool })]) {
      expect(report.pass).toBe(false);
      expect(report.failingEntries).toBeGreaterThan(40);
    }
  });

  it('a float64 reference gives the numeric side: a matMul passes with a difference far below float32’s', () => {
    const matMul = (a: Float64Input, b: Float64Input) => {
      const [n, k] = a.shape as [number, number];
      const m = b.shape[1] as number;
      return Array.from({ length: n * m }, (_, ij) => {
        let sum = 0;
        for (let t = 0; t < k; t++) sum += (a.data[Math.floor(ij / m) * k + t] as number) * (b.data[t * m + (ij % m)] as number);
        return sum;
      });
    };
    const inputs = [seededTensor([6, 8], 2), seededTensor([8, 6], 102)];
    const report = checkTfGradients((a, b) => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D), inputs, { reference: matMul });
    expect(report.pass).toBe(true);
    expect(report.difference).toBeLessThan(1e-7);
    const wrongReference = (a: Float64Input, b: Float64Input) => matMul(a, b).map((v, k) => (k === 7 ? 2 * v : v));
    expect(checkTfGradients((a, b) => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D), inputs, { reference: wrongReference }).pass).toBe(false);
  });
});

describe('the scalar checked: ⟨dout, f(inputs)⟩', () => {
  const x = tf.tensor2d([[0.5, -1.5], [2, 0.25]]);
  const square = (x: tf.Tensor) => tf.square(x);

  it('dout is 1 for a scalar output', () => {
    const report = checkTfGradients((x) => tf.sum(square(x)), [x]);
    expect(report.cost).toBe(0.25 + 2.25 + 4 + 0.0625);
  });

  it('options.dout fixes it (a tensor or numbers); else it is seeded, and the seed changes it', () => {
    const dout = [1, -2, 0.5, 4];
    const expected = 0.25 - 2 * 2.25 + 0.5 * 4 + 4 * 0.0625;
    expect(checkTfGradients(square, [x], { dout }).cost).toBe(expected);
    expect(checkTfGradients(square, [x], { dout: tf.tensor2d([[1, -2], [0.5, 4]]) }).cost).toBe(expected);
    const costs = [1, 1, 2].map((seed) => checkTfGradients(square, [x], { seed }).cost);
    expect(costs[0]).toBe(costs[1]);
    expect(costs[2]).not.toBe(costs[0]);
  });

  it('a gradient that forgets dy passes under dout = ones and fails under the random dout', () => {
    const inputs = [seededTensor([3, 4], 1, 4)];
    expect(checkTfGradients(softplusForgettingDy, inputs, { dout: new Array(12).fill(1) }).pass).toBe(true);
    expect(checkTfGradients(softplusForgettingDy, inputs).pass).toBe(false);
  });
});

describe('inputs: names, variables, layer weights', () => {
  it('a record’s keys, or x0, x1… in an array unless a variable has a name of its own', () => {
    const a = tf.variable(tf.tensor1d([1, 2]), true, 'weights');
    const b = tf.variable(tf.tensor1d([3, 4]));
    const c = tf.tensor1d([0.5, 0.25]);
    const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => tf.mul(tf.mul(a, b), c);
    expect(checkTfGradients(f, [a, b, c]).parameters.map((p) => p.name)).toEqual(['weights', 'x1', 'x2']);
    const g = ({ u, v, w }: Record<string, tf.Tensor>) => f(u as tf.Tensor, v as tf.Tensor, w as tf.Tensor);
    expect(checkTfGradients(g, { u: a, v: b, w: c }).parameters.map((p) => p.name)).toEqual(['u', 'v', 'w']);
    tf.dispose([a, b, c]);
  });

  it('a variable read through a closure is assigned each step, and holds its own numbers afterwards', () => {
    const w = tf.variable(seededTensor([3, 2], 3), true, 'w_closure');
    const x = seededTensor([4, 3], 5);
    const before = bitsOf([w]);
    const report = checkTfGradients(() => tf.tanh(tf.matMul(x as tf.Tensor2D, w as tf.Variable<tf.Rank.R2>)), [w]);
    expect(report.pass).toBe(true);
    expect(bitsOf([w])).toEqual(before);
    tf.dispose([w, x]);
  });

  it('a layer’s weights (LayerVariable) check through the model’s loss, named by the layer', () => {
    const { model, loss } = rmsNormModel();
    const report = checkTfGradients(loss, model.trainableWeights);
    expect(report.pass).toBe(true);
    expect(report.parameters.map((p) => p.name)).toEqual(model.trainableWeights.map((w) => w.name));
    expect(report.parameters.map((p) => p.name)).toContain('rms_norm/gain');
  });
});

describe('memory and inputs after every outcome', () => {
  const throwingAt = (call: number) => {
    let calls = 0;
    return (x: tf.Tensor, w: tf.Tensor) => {
      if (++calls === call) throw new Error('boom');
      return tf.tanh(tf.mul(x, w));
    };
  };
  const outcomes: [string, (x: tf.Tensor, w: tf.Variable) => unknown][] = [
    ['a pass', (x, w) => expect(checkTfGradients((x, w) => tf.tanh(tf.mul(x, w)), [x, w]).pass).toBe(true)],
    ['a failure', (x, w) => expect(checkTfGradients((x, w) => tanhWrongAt(2, 3)(tf.mul(x, w)), [x, w]).pass).toBe(false)],
    ['f throwing mid-check, with a variable perturbed', (x, w) => expect(() => checkTfGradients(throwingAt(9), [x, w])).toThrow(/boom/)],
    ['f throwing in tf.grads', (x, w) => expect(() => checkTfGradients(throwingAt(1), [x, w])).toThrow(/f threw: boom/)],
    ['unusable options', (x, w) => expect(() => checkTfGradients((x, w) => tf.mul(x, w), [x, w], { dout: [1] })).toThrow(GradcheckError)],
  ];

  it.each(outcomes)('after %s, tf.memory().numTensors is unchanged and inputs are bit-identical', (_, run) => {
    const x = seededTensor([2, 3], 1);
    const w = tf.variable(seededTensor([2, 3], 2), true, 'w_memory');
    const tensors = tf.memory().numTensors;
    const before = bitsOf([x, w]);
    run(x, w);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(bitsOf([x, w])).toEqual(before);
    tf.dispose([x, w]);
  });
});

describe('unusable input is a GradcheckError that says what is wrong', () => {
  const tanh = (x: tf.Tensor) => tf.tanh(x);
  const x = tf.tensor1d([1, 2]);
  const disposed = tf.tensor1d([1]);
  disposed.dispose();
  const cases: [string, () => GradientReport, string | RegExp][] = [
    ['f not a function', () => checkTfGradients('tanh' as never, [x]), 'f is the string "tanh"; expected a function of tensors returning a tensor.'],
    ['inputs a tensor', () => checkTfGradients(tanh as never, x as never), /^inputs is a .*; expected an array of tensors \(\[x, w\]\) or a record of them/],
    ['inputs empty', () => checkTfGradients(tanh, []), 'inputs is empty; expected at least one tensor to check.'],
    ['an input a number', () => checkTfGradients(tanh as never, [2] as never), 'x0 is 2; expected a tf.Tensor, a tf.Variable or a layer\'s weight.'],
    ['an int32 input', () => checkTfGradients(({ n }) => tanh(n), { n: tf.tensor1d([1, 2], 'int32') }), 'n has dtype int32; only float32 tensors have gradients to check.'],
    ['a disposed input', () => checkTfGradients(tanh, [disposed]), 'x0 has been disposed; pass a live tensor.'],
    ['a variable named like a position', () => checkTfGradients((a, b) => tf.mul(a, b), [tf.variable(tf.tensor1d([1]), true, 'x1'), x]), "Two inputs are named x1 (a variable's own name and a position); pass a record to name them."],
    ['one tensor twice', () => checkTfGradients((a, b) => tf.mul(a, b), [x, x]), 'x1 is the same tensor as x0; pass each input once.'],
    ['f returning a number', () => checkTfGradients(() => 3 as never, [x]), 'f returned 3; expected a tf.Tensor (of any shape).'],
    ['f returning int32', () => checkTfGradients((x) => tf.cast(x, 'int32'), [x]), 'f returned a int32 tensor; expected float32 (a int32 output has no gradient).'],
    ['an input f ignores', () => checkTfGradients((a) => tf.square(a), [x, tf.tensor1d([3])]), /^tf\.grads could not differentiate f: .*Every input must reach the output through tfjs ops/s],
    ['dout of the wrong shape', () => checkTfGradients(tanh, [x], { dout: tf.tensor2d([[1, 2]]) }), "options.dout has shape 1×2 but f's output has shape 2."],
    ['dout of the wrong length', () => checkTfGradients(tanh, [x], { dout: [1, 2, 3] }), "options.dout has 3 entries but f's output has 2 (shape 2)."],
    ['a reference of the wrong size', () => checkTfGradients(tanh, [x], { reference: () => [1] }), /options\.reference returned 1 numbers but f's output has 2\.$/],
    ['an unknown option', () => checkTfGradients(tanh, [x], { tol: 1 } as never), /^Unknown option "tol"/],
  ];

  it.each(cases)('%s', (_, call, message) => {
    const { message: got } = errorOf(call);
    if (typeof message === 'string') expect(got).toBe(message);
    else expect(got).toMatch(message);
  });

  it('f’s own error is kept as the cause', () => {
    const boom = new Error('boom');
    expect(
      errorOf(() =>
        checkTfGradients(() => {
          throw boom;
        }, [x]),
      ).cause,
    ).toBe(boom);
  });

  it('a tf.Tensor given to checkGradients points to checkTfGradients', () => {
    expect(errorOf(() => checkGradients({}, () => 0, { w: x } as never)).message).toBe(
      'w is a tf.Tensor; check TensorFlow.js functions with checkTfGradients from gradcheck/tfjs.',
    );
  });

  it('a gradient tfjs has no registration for names the import that registers them', () => {
    const saved = tf.getGradient('Softplus');
    tf.unregisterGradient('Softplus');
    try {
      expect(errorOf(() => checkTfGradients(tf.softplus, [x])).message).toMatch(
        /gradient function not found for Softplus.*import '@tensorflow\/tfjs-core\/dist\/register_all_gradients'/s,
      );
    } finally {
      tf.registerGradient(saved);
    }
  });

  it('a layer is not an input: its weights are', () => {
    expect(errorOf(() => checkTfGradients(tanh as never, [tfl.layers.dense({ units: 1 })] as never)).message).toBe(
      'x0 is a Dense layer; pass its weights (layer.trainableWeights), not the layer.',
    );
  });
});
