import { type Dense, transpose } from './dense.js';
import { logSumExp } from './log-sum-exp.js';

/** Column-wise softmax: each column of Z becomes a probability vector. */
export function softmaxForward(Z: Dense): Dense {
  const columns = transpose(Z).map((column) => {
    const lse = logSumExp(column);
    return column.map((z) => Math.exp(z - lse));
  });
  return transpose(columns);
}

/** Per column, dZ = S ⊙ (dA − (Sᵀ dA)): the Jacobian diag(S) − S Sᵀ applied to dA. */
export function softmaxBackward(dA: Dense, S: Dense): Dense {
  const m = (S[0] as number[]).length;
  const dots = Array.from({ length: m }, (_, j) => S.reduce((sum, row, i) => sum + (row[j] as number) * ((dA[i] as number[])[j] as number), 0));
  return S.map((row, i) => row.map((s, j) => s * (((dA[i] as number[])[j] as number) - (dots[j] as number))));
}
