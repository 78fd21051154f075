import { type Dense, map, sumAll } from './dense.js';

/** λ/2 ‖W‖² (the squared Frobenius norm). */
export function l2Penalty(W: Dense, lambda: number): number {
  return (lambda / 2) * sumAll(map(W, (w) => w * w));
}

/** d(λ/2 ‖W‖²)/dW = λ W. */
export function l2Backward(W: Dense, lambda: number): Dense {
  return map(W, (w) => lambda * w);
}
