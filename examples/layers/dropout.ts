import type { Matrix } from 'ml-matrix';
import { mapEntries, times } from './matrix.js';

/**
 * Inverted dropout with a fixed mask (as a test fixes it: the check needs a deterministic forward),
 * keeping each unit with probability p: out = x ⊙ mask / p.
 */
export function dropoutForward(mask: Matrix, p: number) {
  return ({ x }: { x: Matrix }): [Matrix, Matrix] => [times(x, mask).div(p), mask];
}

/** dx = dout ⊙ mask / p. */
export function dropoutBackward(p: number) {
  return (dout: Matrix, mask: Matrix) => ({ dx: times(dout, mask).div(p) });
}

/** Planted bug: the 1/p scaling of inverted dropout forgotten in backward. */
export function dropoutBackwardNoScale(dout: Matrix, mask: Matrix) {
  return { dx: times(dout, mask) };
}

/** A fixed keep-mask with keep probability p, from a seeded generator. */
export function dropoutMask(like: Matrix, p: number, random: () => number): Matrix {
  return mapEntries(like, () => (random() < p ? 1 : 0));
}
