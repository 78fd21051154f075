import { type Dense, map, zip } from './dense.js';

/** σ(z) = 1 / (1 + e⁻ᶻ), computed without overflow on either side. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** A = σ(Z), entry-wise. */
export function sigmoidForward(Z: Dense): Dense {
  return map(Z, sigmoid);
}

/** dZ = dA ⊙ A (1 − A), from the forward's output A. */
export function sigmoidBackward(dA: Dense, A: Dense): Dense {
  return zip(dA, A, (d, a) => d * a * (1 - a));
}
