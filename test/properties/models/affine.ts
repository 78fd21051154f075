import { type Dense, matmul, sumColumns, transpose } from './dense.js';

/** Z = W X + b 1ᵀ: W is n×k, X is k×m (one example per column), b is n×1. */
export function affineForward(W: Dense, b: Dense, X: Dense): Dense {
  return matmul(W, X).map((row, i) => row.map((v) => v + ((b[i] as number[])[0] as number)));
}

/** dW = dZ Xᵀ, db = dZ 1 (a sum over the examples), dX = Wᵀ dZ. */
export function affineBackward(dZ: Dense, W: Dense, X: Dense): { dW: Dense; db: Dense; dX: Dense } {
  return { dW: matmul(dZ, transpose(X)), db: sumColumns(dZ), dX: matmul(transpose(W), dZ) };
}
