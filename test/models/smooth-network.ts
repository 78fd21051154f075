import { Matrix } from 'ml-matrix';
import { randomMatrix, seededRandom } from './random.js';

/** A smooth network for tests: tanh hidden layer, sigmoid output, cross-entropy, L2 on the weights. */
export type SmoothParameters = { W1: Matrix; b1: Matrix; W2: Matrix; b2: Matrix };
export type SmoothGradients = { dW1: Matrix; db1: Matrix; dW2: Matrix; db2: Matrix };

export interface SmoothCase {
  parameters: SmoothParameters;
  x: Matrix;
  y: Matrix;
  lambda: number;
}

/** A random case: `inputs`→`hidden`→1, `m` examples, labels 0/1. */
export function smoothCase(seed: number, inputs = 4, hidden = 5, m = 6, lambda = 0.1): SmoothCase {
  const random = seededRandom(seed);
  return {
    parameters: {
      W1: randomMatrix(random, hidden, inputs),
      b1: randomMatrix(random, hidden, 1),
      W2: randomMatrix(random, 1, hidden),
      b2: randomMatrix(random, 1, 1),
    },
    x: randomMatrix(random, inputs, m),
    y: Matrix.from1DArray(1, m, Array.from({ length: m }, () => (random() < 0.5 ? 0 : 1))),
    lambda,
  };
}

/** f applied to every entry, in a new matrix. */
function elementwise(z: Matrix, f: (v: number) => number): Matrix {
  return Matrix.from1DArray(z.rows, z.columns, z.to1DArray().map(f));
}

function activations(p: SmoothParameters, x: Matrix) {
  const a1 = elementwise(p.W1.mmul(x).addColumnVector(p.b1.getColumn(0)), Math.tanh);
  const a2 = elementwise(p.W2.mmul(a1).addColumnVector(p.b2.getColumn(0)), (v) => 1 / (1 + Math.exp(-v)));
  return { a1, a2 };
}

/** J = mean cross-entropy + λ/2m (‖W1‖² + ‖W2‖²). */
export function smoothCost(lambda: number) {
  return (p: SmoothParameters, x: Matrix, y: Matrix): number => {
    const m = x.columns;
    const { a2 } = activations(p, x);
    let loss = 0;
    for (let j = 0; j < m; j++) {
      const a = a2.get(0, j);
      const t = y.get(0, j);
      loss += -t * Math.log(a) - (1 - t) * Math.log(1 - a);
    }
    const squares = (w: Matrix) => w.to1DArray().reduce((s, v) => s + v * v, 0);
    return loss / m + (lambda / (2 * m)) * (squares(p.W1) + squares(p.W2));
  };
}

/** The exact gradients of `smoothCost(lambda)`. */
export function smoothGradients(lambda: number) {
  return (p: SmoothParameters, x: Matrix, y: Matrix): SmoothGradients => {
    const m = x.columns;
    const { a1, a2 } = activations(p, x);
    const dZ2 = Matrix.sub(a2, y);
    const dW2 = dZ2.mmul(a1.transpose()).div(m).add(Matrix.mul(p.W2, lambda / m));
    const db2 = Matrix.columnVector(dZ2.sum('row')).div(m);
    const dA1 = p.W2.transpose().mmul(dZ2);
    const dZ1 = Matrix.mul(dA1, elementwise(a1, (a) => 1 - a * a));
    const dW1 = dZ1.mmul(x.transpose()).div(m).add(Matrix.mul(p.W1, lambda / m));
    const db1 = Matrix.columnVector(dZ1.sum('row')).div(m);
    return { dW1, db1, dW2, db2 };
  };
}
