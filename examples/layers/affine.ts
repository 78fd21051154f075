import { Matrix } from 'ml-matrix';

/** An affine layer's inputs: x (N×D, one example a row), w (D×M), b (1×M). */
export interface AffineInputs {
  readonly x: Matrix;
  readonly w: Matrix;
  readonly b: Matrix;
}

/** out = x·w + b, with the cache backward needs. */
export function affineForward({ x, w, b }: AffineInputs): [Matrix, AffineInputs] {
  const out = x.mmul(w).addRowVector(b.to1DArray());
  return [out, { x, w, b }];
}

/** dx = dout·wᵀ, dw = xᵀ·dout, db = Σ over examples of dout. */
export function affineBackward(dout: Matrix, { x, w }: AffineInputs) {
  return { dx: dout.mmul(w.transpose()), dw: x.transpose().mmul(dout), db: new Matrix([dout.sum('column')]) };
}

/** Planted bug: dw averaged over the batch (a 1/N that belongs to the loss, not to the layer). */
export function affineBackwardMeanDw(dout: Matrix, cache: AffineInputs) {
  const { dx, dw, db } = affineBackward(dout, cache);
  return { dx, dw: dw.div(cache.x.rows), db };
}
