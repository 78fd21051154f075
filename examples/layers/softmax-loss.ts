import { Matrix } from 'ml-matrix';

/** The mean cross-entropy of softmax(x) (N×C scores) against labels y, and its gradient dloss/dx. */
export function softmaxLoss(x: Matrix, y: readonly number[]): { loss: number; dx: Matrix } {
  const n = x.rows;
  const probabilities = x.to2DArray().map((row) => {
    const top = Math.max(...row);
    const exps = row.map((v) => Math.exp(v - top));
    const total = exps.reduce((a, b) => a + b, 0);
    return exps.map((e) => e / total);
  });
  const loss = -probabilities.reduce((sum, p, i) => sum + Math.log(p[y[i] as number] as number), 0) / n;
  const dx = new Matrix(probabilities.map((p, i) => p.map((v, j) => (v - (j === y[i] ? 1 : 0)) / n)));
  return { loss, dx };
}

/** Planted bug: the gradient of the summed loss, without the mean's 1/N. */
export function softmaxLossGradientNoMean(x: Matrix, y: readonly number[]): Matrix {
  return softmaxLoss(x, y).dx.mul(x.rows);
}
