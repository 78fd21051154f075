/** A user's layer: out = tanh(x·w) (x is N×D, w is D×M), with its backward(dout, cache) and a planted bug. */
import { Matrix } from 'ml-matrix';

export interface LayerInputs {
  x: Matrix;
  w: Matrix;
}

export function layerInputs(): LayerInputs {
  const x = Matrix.from1DArray(3, 2, [0.5, -1, 0.25, 0.8, -0.3, 1.2]);
  const w = Matrix.from1DArray(2, 2, [0.7, -0.4, 0.1, 0.9]);
  return { x, w };
}

export function layerForward({ x, w }: LayerInputs): [Matrix, Matrix] {
  const out = x.mmul(w).apply(function (this: Matrix, i: number, j: number) {
    this.set(i, j, Math.tanh(this.get(i, j)));
  });
  return [out, out];
}

function localGradient(dout: Matrix, out: Matrix): Matrix {
  return Matrix.from1DArray(dout.rows, dout.columns, dout.to1DArray().map((d, k) => d * (1 - out.to1DArray()[k]! ** 2)));
}

export function layerBackward(inputs: LayerInputs, dout: Matrix) {
  const da = localGradient(dout, layerForward(inputs)[1]);
  return { dx: da.mmul(inputs.w.transpose()), dw: inputs.x.transpose().mmul(da) };
}

/** Planted bug: dw = x·da's transpose, (daᵀ·x)ᵀ written as daᵀ·x. */
export function buggyLayerBackward(inputs: LayerInputs, dout: Matrix) {
  const da = localGradient(dout, layerForward(inputs)[1]);
  return { dx: da.mmul(inputs.w.transpose()), dw: da.transpose().mmul(inputs.x) };
}
