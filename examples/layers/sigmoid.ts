import type { Matrix } from 'ml-matrix';
import { mapEntries, sigmoid, times } from './matrix.js';

/** out = σ(x), caching out. */
export function sigmoidForward({ x }: { x: Matrix }): [Matrix, Matrix] {
  const out = mapEntries(x, sigmoid);
  return [out, out];
}

/** dx = dout ⊙ out ⊙ (1 − out). */
export function sigmoidBackward(dout: Matrix, out: Matrix) {
  return { dx: times(dout, mapEntries(out, (s) => s * (1 - s))) };
}

/** Planted bug: σ'(x) alone, as if the layer were the last one (dout ignored). */
export function sigmoidBackwardNoDout(_dout: Matrix, out: Matrix) {
  return { dx: mapEntries(out, (s) => s * (1 - s)) };
}
