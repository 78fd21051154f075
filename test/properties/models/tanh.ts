import { type Dense, map, zip } from './dense.js';

/** A = tanh(Z), entry-wise. */
export function tanhForward(Z: Dense): Dense {
  return map(Z, Math.tanh);
}

/** dZ = dA ⊙ (1 − A²), from the forward's output A. */
export function tanhBackward(dA: Dense, A: Dense): Dense {
  return zip(dA, A, (d, a) => d * (1 - a * a));
}
