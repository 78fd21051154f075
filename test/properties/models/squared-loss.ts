import { columnsOf, type Dense, sumAll, zip } from './dense.js';

/** J = 1/(2m) Σ (A − Y)² over every entry, m the number of examples (columns). */
export function squaredLoss(A: Dense, Y: Dense): number {
  return sumAll(zip(A, Y, (a, y) => (a - y) * (a - y))) / (2 * columnsOf(A));
}

/** dA = (A − Y) / m. */
export function squaredLossBackward(A: Dense, Y: Dense): Dense {
  const m = columnsOf(A);
  return zip(A, Y, (a, y) => (a - y) / m);
}
