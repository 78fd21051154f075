import { columnsOf, type Dense, transpose } from './dense.js';

/** log Σᵢ exp(zᵢ) of one column, shifted by its maximum so it never overflows. */
export function logSumExp(column: readonly number[]): number {
  const top = Math.max(...column);
  return top + Math.log(column.reduce((s, z) => s + Math.exp(z - top), 0));
}

/** Column-wise log-sum-exp: an n×m Z pooled to a 1×m row. */
export function logSumExpForward(Z: Dense): Dense {
  return [transpose(Z).map(logSumExp)];
}

/** ∂ lse(z) / ∂zᵢ = softmax(z)ᵢ, so dZ = softmax(Z) ⊙ (1 dA) (dA is 1×m, broadcast down each column). */
export function logSumExpBackward(dA: Dense, Z: Dense): Dense {
  const lse = (logSumExpForward(Z)[0] as number[]).slice(0, columnsOf(Z));
  const dRow = dA[0] as number[];
  return Z.map((row) => row.map((z, j) => Math.exp(z - (lse[j] as number)) * (dRow[j] as number)));
}
