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

/** m for a layer, whose x keeps one example a row (N×D, the layer convention): the rows of a Matrix or number[][] `inputs.x`. */
export function layerBatchSize(inputs: unknown): number | undefined {
  const x = inputs !== null && typeof inputs === 'object' ? (inputs as Record<string, unknown>).x : undefined;
  if (AbstractMatrix.isMatrix(x)) return x.rows;
  return Array.isArray(x) && x.length > 0 && x.every((row) => Array.isArray(row)) ? x.length : undefined;
}
