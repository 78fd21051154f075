/**
 * A user's model: one hidden tanh layer, a sigmoid output and the cross-entropy cost,
 * with examples as columns (x is n_x × m, y is 1 × m), written the way the notebook writes it.
 */
import { Matrix } from 'ml-matrix';

export interface Params {
  W1: Matrix;
  b1: Matrix;
  W2: Matrix;
  b2: Matrix;
}

export interface Grads {
  dW1: Matrix;
  db1: Matrix;
  dW2: Matrix;
  db2: Matrix;
}

export interface Cache {
  A1: Matrix;
  A2: Matrix;
}

const N_X = 3;
const N_H = 4;
const M = 5;

/** A small deterministic generator, so both runners check the same numbers. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomMatrix(rows: number, columns: number, next: () => number, scale: number): Matrix {
  const m = new Matrix(rows, columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) m.set(i, j, (2 * next() - 1) * scale);
  return m;
}

/** Fresh parameters and data for every call. */
export function setup(seed = 7): { params: Params; x: Matrix; y: Matrix } {
  const next = lcg(seed);
  const params: Params = {
    W1: randomMatrix(N_H, N_X, next, 1),
    b1: randomMatrix(N_H, 1, next, 0.5),
    W2: randomMatrix(1, N_H, next, 1),
    b2: randomMatrix(1, 1, next, 0.5),
  };
  const x = randomMatrix(N_X, M, next, 2);
  const y = new Matrix(1, M);
  for (let j = 0; j < M; j++) y.set(0, j, next() > 0.5 ? 1 : 0);
  return { params, x, y };
}

function mapEntries(m: Matrix, f: (v: number) => number): Matrix {
  const out = new Matrix(m.rows, m.columns);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.columns; j++) out.set(i, j, f(m.get(i, j)));
  return out;
}

/** Z + b, with the column b broadcast over the examples. */
function addBias(z: Matrix, b: Matrix): Matrix {
  return z.clone().addColumnVector(b.getColumn(0));
}

/** The sum over examples (columns) of each row, as a column. */
function rowSums(m: Matrix): Matrix {
  return Matrix.columnVector(m.sum('row'));
}

export function forward(params: Params, x: Matrix, y: Matrix): [number, Cache] {
  const A1 = mapEntries(addBias(params.W1.mmul(x), params.b1), Math.tanh);
  const A2 = mapEntries(addBias(params.W2.mmul(A1), params.b2), (z) => 1 / (1 + Math.exp(-z)));
  const m = x.columns;
  let sum = 0;
  for (let j = 0; j < m; j++) {
    const a = A2.get(0, j);
    const t = y.get(0, j);
    sum += t * Math.log(a) + (1 - t) * Math.log(1 - a);
  }
  return [-sum / m, { A1, A2 }];
}

export function backward(params: Params, x: Matrix, y: Matrix): Grads {
  const [, { A1, A2 }] = forward(params, x, y);
  const m = x.columns;
  const dZ2 = Matrix.sub(A2, y);
  const dW2 = dZ2.mmul(A1.transpose()).div(m);
  const db2 = rowSums(dZ2).div(m);
  const dA1 = params.W2.transpose().mmul(dZ2);
  const dZ1 = Matrix.mul(dA1, mapEntries(A1, (a) => 1 - a * a));
  const dW1 = dZ1.mmul(x.transpose()).div(m);
  const db1 = rowSums(dZ1).div(m);
  return { dW1, db1, dW2, db2 };
}

/** The classic slips: dW2 forgets the 1/m, db1 is doubled. dW1 and db2 are right. */
export function buggyBackward(params: Params, x: Matrix, y: Matrix): Grads {
  const { dW1, db1, dW2, db2 } = backward(params, x, y);
  return { dW1, db1: db1.mul(2), dW2: dW2.mul(x.columns), db2 };
}
