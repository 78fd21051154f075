import { columnsOf, type Dense, sumAll, transpose, zip } from './dense.js';
import { logSumExp } from './log-sum-exp.js';
import { sigmoid } from './sigmoid.js';

/**
 * Softmax cross-entropy on logits Z: J = −1/m Σⱼ Σᵢ Yᵢⱼ (Zᵢⱼ − lse(Z:ⱼ)).
 * Y's columns are probability vectors (or any non-negative weights).
 */
export function softmaxCrossEntropy(Z: Dense, Y: Dense): number {
  const lse = transpose(Z).map(logSumExp);
  return -sumAll(zip(Z, Y, (z, y) => y * z)) / columnsOf(Z) + transpose(Y).reduce((s, column, j) => s + column.reduce((t, y) => t + y, 0) * (lse[j] as number), 0) / columnsOf(Z);
}

/** dZᵢⱼ = (Sᵢⱼ Σₖ Yₖⱼ − Yᵢⱼ) / m, S = softmax(Z): the general form, exact also when Y's columns do not sum to 1. */
export function softmaxCrossEntropyBackward(Z: Dense, Y: Dense): Dense {
  const m = columnsOf(Z);
  const lse = transpose(Z).map(logSumExp);
  const mass = transpose(Y).map((column) => column.reduce((s, y) => s + y, 0));
  return Z.map((row, i) => row.map((z, j) => (Math.exp(z - (lse[j] as number)) * (mass[j] as number) - ((Y[i] as number[])[j] as number)) / m));
}

/** log(1 + eᶻ) without overflow. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Sigmoid cross-entropy on logits Z: J = −1/m Σ [Y log σ(Z) + (1 − Y) log(1 − σ(Z))]
 * = 1/m Σ [softplus(Z) − Y Z], the form that never takes log 0.
 */
export function sigmoidCrossEntropy(Z: Dense, Y: Dense): number {
  return sumAll(zip(Z, Y, (z, y) => softplus(z) - y * z)) / columnsOf(Z);
}

/** dZ = (σ(Z) − Y) / m. */
export function sigmoidCrossEntropyBackward(Z: Dense, Y: Dense): Dense {
  const m = columnsOf(Z);
  return zip(Z, Y, (z, y) => (sigmoid(z) - y) / m);
}
