import { Matrix } from 'ml-matrix';
import { seededRandom } from '../../models/random.js';
import { affineBackward, affineForward } from './affine.js';
import {
  sigmoidCrossEntropy,
  sigmoidCrossEntropyBackward,
  softmaxCrossEntropy,
  softmaxCrossEntropyBackward,
} from './cross-entropy.js';
import { type Dense, zip } from './dense.js';
import { l2Backward, l2Penalty } from './l2.js';
import { logSumExpBackward, logSumExpForward } from './log-sum-exp.js';
import { sigmoidBackward, sigmoidForward } from './sigmoid.js';
import { softmaxBackward, softmaxForward } from './softmax.js';
import { squaredLoss, squaredLossBackward } from './squared-loss.js';
import { tanhBackward, tanhForward } from './tanh.js';

export type Activation = 'identity' | 'tanh' | 'sigmoid' | 'softmax';
export type Head = 'squared' | 'softmax-cross-entropy' | 'sigmoid-cross-entropy';
/** How a parameter (or a gradient) keeps its numbers. */
export type Kind = 'matrix' | 'rows';
/** What `forward` returns: the cost, the notebook's `[cost, cache]` pair, or `{ cost }`. */
export type Returns = 'number' | 'pair' | 'object';

export interface LayerSpec {
  readonly units: number;
  readonly activation: Activation;
}

/** The shape of a random smooth model; the numbers in it come from `seed`. */
export interface NetworkSpec {
  readonly seed: number;
  readonly inputs: number;
  readonly layers: readonly LayerSpec[];
  /** Pool the last layer's output to one row with a column-wise log-sum-exp (squared loss only). */
  readonly pool: boolean;
  readonly head: Head;
  /** λ of the L2 term λ/2 Σ ‖Wₗ‖² (0: none). */
  readonly lambda: number;
  readonly batch: number;
  /** Per parameter, in record order (W1, b1, W2, b2, …): the kind of the parameter and of its gradient. */
  readonly parameterKinds: readonly Kind[];
  readonly gradientKinds: readonly Kind[];
  /** Per parameter: key its gradient by `d` + name (`dW1`) rather than by name. */
  readonly dPrefix: readonly boolean[];
  readonly returns: Returns;
}

export type Params = Record<string, Matrix | number[][]>;
export type Gradients = Record<string, Matrix | number[][]>;

export interface NetworkCase {
  readonly spec: NetworkSpec;
  readonly params: Params;
  readonly x: Matrix;
  readonly y: Matrix;
  /** The names in record order. */
  readonly names: readonly string[];
  forward(params: Params, x: Matrix, y: Matrix): number | [number, unknown] | { cost: number };
  /** J alone. */
  cost(params: Params, x: Matrix, y: Matrix): number;
  /** The hand-derived gradients, keyed and kinded as the spec says. */
  gradients(params: Params, x: Matrix, y: Matrix): Gradients;
}

const dense = (value: Matrix | number[][]): Dense => (Array.isArray(value) ? value : value.to2DArray());

function activate(activation: Activation, Z: Dense): Dense {
  switch (activation) {
    case 'identity':
      return Z;
    case 'tanh':
      return tanhForward(Z);
    case 'sigmoid':
      return sigmoidForward(Z);
    case 'softmax':
      return softmaxForward(Z);
  }
}

function activateBackward(activation: Activation, dA: Dense, A: Dense): Dense {
  switch (activation) {
    case 'identity':
      return dA;
    case 'tanh':
      return tanhBackward(dA, A);
    case 'sigmoid':
      return sigmoidBackward(dA, A);
    case 'softmax':
      return softmaxBackward(dA, A);
  }
}

interface Pass {
  readonly cost: number;
  readonly inputs: readonly Dense[];
  readonly Zs: readonly Dense[];
  readonly As: readonly Dense[];
  readonly Ws: readonly Dense[];
}

function run(spec: NetworkSpec, params: Params, X: Dense, Y: Dense): Pass {
  const inputs: Dense[] = [];
  const Zs: Dense[] = [];
  const As: Dense[] = [];
  const Ws: Dense[] = [];
  let A = X;
  spec.layers.forEach((layer, l) => {
    const W = dense(params[`W${l + 1}`] as Matrix | number[][]);
    const b = dense(params[`b${l + 1}`] as Matrix | number[][]);
    inputs.push(A);
    Ws.push(W);
    const Z = affineForward(W, b, A);
    A = activate(layer.activation, Z);
    Zs.push(Z);
    As.push(A);
  });
  const Z = Zs[Zs.length - 1] as Dense;
  let cost: number;
  switch (spec.head) {
    case 'squared':
      cost = squaredLoss(spec.pool ? logSumExpForward(A) : A, Y);
      break;
    case 'softmax-cross-entropy':
      cost = softmaxCrossEntropy(Z, Y);
      break;
    case 'sigmoid-cross-entropy':
      cost = sigmoidCrossEntropy(Z, Y);
      break;
  }
  if (spec.lambda > 0) for (const W of Ws) cost += l2Penalty(W, spec.lambda);
  return { cost, inputs, Zs, As, Ws };
}

function backward(spec: NetworkSpec, pass: Pass, Y: Dense): { dW: Dense[]; db: Dense[] } {
  const L = spec.layers.length;
  const A = pass.As[L - 1] as Dense;
  let dZ: Dense;
  switch (spec.head) {
    case 'squared': {
      const dA = spec.pool ? logSumExpBackward(squaredLossBackward(logSumExpForward(A), Y), A) : squaredLossBackward(A, Y);
      dZ = activateBackward((spec.layers[L - 1] as LayerSpec).activation, dA, A);
      break;
    }
    case 'softmax-cross-entropy':
      dZ = softmaxCrossEntropyBackward(pass.Zs[L - 1] as Dense, Y);
      break;
    case 'sigmoid-cross-entropy':
      dZ = sigmoidCrossEntropyBackward(pass.Zs[L - 1] as Dense, Y);
      break;
  }
  const dW: Dense[] = new Array<Dense>(L);
  const db: Dense[] = new Array<Dense>(L);
  for (let l = L - 1; l >= 0; l--) {
    const W = pass.Ws[l] as Dense;
    const step = affineBackward(dZ, W, pass.inputs[l] as Dense);
    const penalty = spec.lambda > 0 ? l2Backward(W, spec.lambda) : undefined;
    dW[l] = penalty ? zip(step.dW, penalty, (g, r) => g + r) : step.dW;
    db[l] = step.db;
    if (l > 0) dZ = activateBackward((spec.layers[l - 1] as LayerSpec).activation, step.dX, pass.As[l - 1] as Dense);
  }
  return { dW, db };
}

const asKind = (kind: Kind, values: Dense): Matrix | number[][] => (kind === 'matrix' ? new Matrix(values) : values.map((row) => [...row]));

/** The number of parameters a spec has: a weight and a bias per layer. */
export const parameterCount = (layers: number): number => 2 * layers;

/**
 * A random smooth model of moderate scale (|x| ≤ 2, |W| ≤ 2/√fan-in, |b| ≤ 1), so nothing saturates:
 * every activation and loss is far from overflow and from log 0.
 */
export function buildNetwork(spec: NetworkSpec): NetworkCase {
  const random = seededRandom(spec.seed);
  const uniform = (half: number) => (2 * random() - 1) * half;
  const fill = (rows: number, columns: number, half: number): Dense =>
    Array.from({ length: rows }, () => Array.from({ length: columns }, () => uniform(half)));
  const m = spec.batch;
  const names: string[] = [];
  const params: Params = {};
  let fanIn = spec.inputs;
  spec.layers.forEach((layer, l) => {
    const kindW = spec.parameterKinds[2 * l] ?? 'matrix';
    const kindB = spec.parameterKinds[2 * l + 1] ?? 'matrix';
    params[`W${l + 1}`] = asKind(kindW, fill(layer.units, fanIn, 2 / Math.sqrt(fanIn)));
    params[`b${l + 1}`] = asKind(kindB, fill(layer.units, 1, 1));
    names.push(`W${l + 1}`, `b${l + 1}`);
    fanIn = layer.units;
  });
  const outputs = spec.pool ? 1 : fanIn;
  const X = fill(spec.inputs, m, 2);
  let Y: Dense;
  switch (spec.head) {
    case 'squared':
      Y = fill(outputs, m, 1);
      break;
    case 'softmax-cross-entropy': {
      // Each column a probability vector (soft labels).
      const raw = Array.from({ length: outputs }, () => Array.from({ length: m }, () => 0.05 + random()));
      const mass = Array.from({ length: m }, (_, j) => raw.reduce((s, row) => s + (row[j] as number), 0));
      Y = raw.map((row) => row.map((v, j) => v / (mass[j] as number)));
      break;
    }
    case 'sigmoid-cross-entropy':
      Y = Array.from({ length: outputs }, () => Array.from({ length: m }, () => random()));
      break;
  }
  const x = new Matrix(X);
  const y = new Matrix(Y);
  const cost = (p: Params, xs: Matrix, ys: Matrix) => run(spec, p, xs.to2DArray(), ys.to2DArray()).cost;
  return {
    spec,
    params,
    x,
    y,
    names,
    cost,
    forward(p, xs, ys) {
      const pass = run(spec, p, xs.to2DArray(), ys.to2DArray());
      switch (spec.returns) {
        case 'number':
          return pass.cost;
        case 'pair':
          return [pass.cost, pass];
        case 'object':
          return { cost: pass.cost };
      }
    },
    gradients(p, xs, ys) {
      const Yd = ys.to2DArray();
      const { dW, db } = backward(spec, run(spec, p, xs.to2DArray(), Yd), Yd);
      const out: Gradients = {};
      names.forEach((name, index) => {
        const l = Math.floor(index / 2);
        const values = (index % 2 === 0 ? dW[l] : db[l]) as Dense;
        out[spec.dPrefix[index] ? `d${name}` : name] = asKind(spec.gradientKinds[index] ?? 'matrix', values);
      });
      return out;
    },
  };
}
