import { AbstractMatrix } from 'ml-matrix';

/**
 * m, the number of examples, when x is a matrix with one example per column (the notebook's
 * convention): a Matrix's or a number[][]'s column count. Otherwise unknown.
 */
export function batchSize(x: unknown): number | undefined {
  if (AbstractMatrix.isMatrix(x)) return x.columns;
  if (Array.isArray(x) && x.length > 0 && x.every((row) => Array.isArray(row) && row.length === (x[0] as unknown[]).length)) {
    return (x[0] as unknown[]).length;
  }
  return undefined;
}
