import { Matrix } from 'ml-matrix';

/** A new Matrix with f applied to every entry of `m` (and of `other`, entry by entry, when given). */
export function mapEntries(m: Matrix, f: (value: number, other: number) => number, other?: Matrix): Matrix {
  return new Matrix(m.to2DArray().map((row, i) => row.map((v, j) => f(v, other ? other.get(i, j) : 0))));
}

/** The entrywise product a ⊙ b. */
export function times(a: Matrix, b: Matrix): Matrix {
  return mapEntries(a, (u, v) => u * v, b);
}

/** The column sums of m, as a 1×columns Matrix (a bias gradient: the sum over examples). */
export function columnSums(m: Matrix): Matrix {
  return new Matrix([m.sum('column')]);
}

export const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
