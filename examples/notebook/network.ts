/**
 * TypeScript port of the model from the gradient-checking course notebook
 * (a 3-layer network, layer sizes [4, 5, 3, 1]: ReLU, ReLU, sigmoid, with a
 * cross-entropy cost), written with ml-matrix.
 *
 * The arithmetic follows the notebook's numpy code step by step so that,
 * given the same inputs, it produces the same floating-point results:
 * - dot products are summed in order, starting from 0. ml-matrix's `mmul` does
 *   this, and so does the reference BLAS the fixture was made with.
 * - the bias is added after the dot product.
 * - `1./m * np.sum(...)` is computed as `(1 / m) * sum`, not `sum / m`.
 *
 * No function here changes its inputs: every result is a new `Matrix`.
 *
 * @module
 */
import { Matrix } from 'ml-matrix';

import testCase from './test-case.json' with { type: 'json' };

/** The network's weights and biases. Shapes: W1 5×4, b1 5×1, W2 3×5, b2 3×1, W3 1×3, b3 1×1. */
export type NotebookParameters = {
  W1: Matrix;
  b1: Matrix;
  W2: Matrix;
  b2: Matrix;
  W3: Matrix;
  b3: Matrix;
};

/**
 * What forward propagation saves for backpropagation. It holds the same
 * values as the notebook's tuple `(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)`,
 * but as named fields. `W*` and `b*` are the caller's own parameter matrices,
 * not copies, exactly as in the notebook, so do not change them through the cache.
 */
export type Cache = {
  readonly Z1: Matrix;
  readonly A1: Matrix;
  readonly W1: Matrix;
  readonly b1: Matrix;
  readonly Z2: Matrix;
  readonly A2: Matrix;
  readonly W2: Matrix;
  readonly b2: Matrix;
  readonly Z3: Matrix;
  readonly A3: Matrix;
  readonly W3: Matrix;
  readonly b3: Matrix;
};

/**
 * What backpropagation returns, like the notebook's `gradients` dictionary:
 * the gradient of each parameter (`dW*`, `db*`, each shaped like its
 * parameter) and the gradient at each pre-activation (`dZ*`).
 */
export type NotebookGradients = {
  dZ3: Matrix;
  dW3: Matrix;
  db3: Matrix;
  dZ2: Matrix;
  dW2: Matrix;
  db2: Matrix;
  dZ1: Matrix;
  dW1: Matrix;
  db1: Matrix;
};

/**
 * The notebook's `gradient_check_n_test_case()`: the values that
 * `np.random.seed(1)` generates, stored in `test-case.json`.
 * Every call returns new matrices, so changing them does not affect later calls.
 * `x` is 4×3 (3 examples) and `y` is 1×3 (`[[1, 1, 0]]`).
 */
export function gradientCheckNTestCase(): { x: Matrix; y: Matrix; parameters: NotebookParameters } {
  const p = testCase.parameters;
  return {
    x: new Matrix(testCase.x),
    y: new Matrix(testCase.y),
    parameters: {
      W1: new Matrix(p.W1),
      b1: new Matrix(p.b1),
      W2: new Matrix(p.W2),
      b2: new Matrix(p.b2),
      W3: new Matrix(p.W3),
      b3: new Matrix(p.b3),
    },
  };
}

/** Applies `f` to each element and returns the results in a new matrix (`a` is not changed). */
function map(a: Matrix, f: (v: number) => number): Matrix {
  const out = new Matrix(a.rows, a.columns);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.columns; j++) {
      out.set(i, j, f(a.get(i, j)));
    }
  }
  return out;
}

/** Combines `a` and `b` (same shape) element by element into a new matrix. */
function zip(a: Matrix, b: Matrix, f: (u: number, v: number) => number): Matrix {
  if (a.rows !== b.rows || a.columns !== b.columns) {
    throw new RangeError(`shape mismatch: ${a.rows}x${a.columns} vs ${b.rows}x${b.columns}`);
  }
  const out = new Matrix(a.rows, a.columns);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.columns; j++) {
      out.set(i, j, f(a.get(i, j), b.get(i, j)));
    }
  }
  return out;
}

/** `np.dot(W, A) + b`: the dot products first, then the bias (shape rows×1) added to every column. */
function linear(W: Matrix, A: Matrix, b: Matrix): Matrix {
  if (b.rows !== W.rows || b.columns !== 1) {
    throw new RangeError(`bias must be ${W.rows}x1, got ${b.rows}x${b.columns}`);
  }
  // mmul returns a new matrix with sequential dot products: s = 0; s += a_k * b_k.
  const Z = W.mmul(A);
  for (let i = 0; i < Z.rows; i++) {
    const bi = b.get(i, 0);
    for (let j = 0; j < Z.columns; j++) {
      Z.set(i, j, Z.get(i, j) + bi);
    }
  }
  return Z;
}

/** `scale * np.sum(a, axis=1, keepdims=True)`: row sums taken in order from 0, then multiplied by `scale`. */
function scaledRowSum(scale: number, a: Matrix): Matrix {
  const out = new Matrix(a.rows, 1);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let j = 0; j < a.columns; j++) {
      s += a.get(i, j);
    }
    out.set(i, 0, scale * s);
  }
  return out;
}

/** `np.maximum(0, z)` */
const relu = (z: number): number => Math.max(0, z);

/** `1. / (1 + np.exp(-z))` */
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Forward propagation (the notebook's `forward_propagation_n`).
 * Note the argument order: `(parameters, x, y)`. The notebook uses `(X, Y, parameters)`.
 *
 * Z1 = W1·x + b1, A1 = relu(Z1), Z2 = W2·A1 + b2, A2 = relu(Z2), Z3 = W3·A2 + b3, A3 = sigmoid(Z3),
 * cost = 1/m · Σ(−y·log(A3) − (1−y)·log(1−A3)), where m = `x.columns`.
 *
 * @param parameters - weights and biases. They are not changed.
 * @param x - inputs, one example per column (4×m).
 * @param y - labels, 0 or 1 (1×m).
 * @returns `[cost, cache]`
 */
export function forwardPropagationN(
  parameters: NotebookParameters,
  x: Matrix,
  y: Matrix,
): [cost: number, cache: Cache] {
  const m = x.columns;
  const { W1, b1, W2, b2, W3, b3 } = parameters;

  const Z1 = linear(W1, x, b1);
  const A1 = map(Z1, relu);
  const Z2 = linear(W2, A1, b2);
  const A2 = map(Z2, relu);
  const Z3 = linear(W3, A2, b3);
  const A3 = map(Z3, sigmoid);

  // logprobs = np.multiply(-np.log(A3), Y) + np.multiply(-np.log(1 - A3), 1 - Y)
  const logprobs = zip(A3, y, (a, yv) => -Math.log(a) * yv + -Math.log(1 - a) * (1 - yv));
  // cost = 1./m * np.sum(logprobs): sum in row-major order, then (1/m) * sum
  let total = 0;
  for (let i = 0; i < logprobs.rows; i++) {
    for (let j = 0; j < logprobs.columns; j++) {
      total += logprobs.get(i, j);
    }
  }
  const cost = (1 / m) * total;

  return [cost, { Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 }];
}

/**
 * The shared part of both backward passes. The two options pick the
 * notebook's bugs: `dW2Scale` multiplies `dZ2·A1ᵀ` and `db1Scale` multiplies `Σ dZ1`.
 */
function backward(x: Matrix, y: Matrix, cache: Cache, dW2Scale: number | null, db1Scale: number): NotebookGradients {
  const { Z1, A1, Z2, A2, W2, A3, W3 } = cache;
  const m = x.columns;
  const inv = 1 / m;

  const dZ3 = zip(A3, y, (a, yv) => a - yv);
  const dW3 = map(dZ3.mmul(A2.transpose()), (v) => inv * v);
  const db3 = scaledRowSum(inv, dZ3);

  const dA2 = W3.transpose().mmul(dZ3);
  // np.multiply(dA2, np.int64(Z2 > 0)): multiply by 1 or 0; no branch, so -0 and NaN behave as in numpy
  const dZ2 = zip(dA2, Z2, (d, z) => d * (z > 0 ? 1 : 0));
  const dZ2A1T = dZ2.mmul(A1.transpose());
  const dW2 = dW2Scale === null ? dZ2A1T : map(dZ2A1T, (v) => dW2Scale * v);
  const db2 = scaledRowSum(inv, dZ2);

  const dA1 = W2.transpose().mmul(dZ2);
  const dZ1 = zip(dA1, Z1, (d, z) => d * (z > 0 ? 1 : 0));
  const dW1 = map(dZ1.mmul(x.transpose()), (v) => inv * v);
  const db1 = scaledRowSum(db1Scale, dZ1);

  return { dZ3, dW3, db3, dZ2, dW2, db2, dZ1, dW1, db1 };
}

/**
 * Correct backpropagation for {@link forwardPropagationN}. This is the
 * notebook's `backward_propagation_n` with its two bugs fixed:
 * `dW2 = 1/m · dZ2·A1ᵀ` and `db1 = 1/m · Σ_rows dZ1`.
 *
 * @param x - the inputs passed to forward propagation (only `x.columns`, which is m, is read).
 * @param y - the labels passed to forward propagation.
 * @param cache - the second value returned by {@link forwardPropagationN}.
 */
export function backwardPropagationN(x: Matrix, y: Matrix, cache: Cache): NotebookGradients {
  return backward(x, y, cache, 1 / x.columns, 1 / x.columns);
}

/**
 * The notebook's `backward_propagation_n` exactly as written, bugs included:
 * `dW2 = dZ2·A1ᵀ` (missing the 1/m) and `db1 = 2/m · Σ_rows dZ1` (should be 1/m).
 * A gradient check should report that this function is wrong (difference ≈ 0.313).
 */
export function buggyBackwardPropagationN(x: Matrix, y: Matrix, cache: Cache): NotebookGradients {
  return backward(x, y, cache, null, 2 / x.columns);
}

/** The notebook's 1-D example: J(θ) = θ·x. */
export function forward1d(theta: number, x: number): number {
  return theta * x;
}

/** Derivative of {@link forward1d} with respect to θ: dJ/dθ = x. */
export function backward1d(x: number): number {
  return x;
}
