import type { Matrix } from 'ml-matrix';
import { mapEntries } from './matrix.js';

/** out = max(0, x), caching x. */
export function reluForward({ x }: { x: Matrix }): [Matrix, Matrix] {
  return [mapEntries(x, (v) => Math.max(0, v)), x];
}

/** dx = dout where x > 0, else 0. */
export function reluBackward(dout: Matrix, x: Matrix) {
  return { dx: mapEntries(x, (v, d) => (v > 0 ? d : 0), dout) };
}

/** Planted bug: the mask read from the output, out ≥ 0, which holds everywhere: dout passes through where x < 0 too. */
export function reluBackwardLeaky(dout: Matrix, x: Matrix) {
  const [out] = reluForward({ x });
  return { dx: mapEntries(out, (v, d) => (v >= 0 ? d : 0), dout) };
}
