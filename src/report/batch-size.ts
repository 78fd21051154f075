import { AbstractMatrix } from 'ml-matrix';

/**
 * The example counts x suggests for m, when it is a matrix: its columns (one example a column, as
 * the notebook keeps them) and its rows (one a row, as ml-fnn and most JavaScript libraries do),
 * those above 1, each once. A diagnosis names 1/m with whichever of them fits the error.
 */
export function batchSizes(x: unknown): number[] {
  if (AbstractMatrix.isMatrix(x)) return candidates(x.columns, x.rows);
  if (Array.isArray(x) && x.length > 0 && x.every((row) => Array.isArray(row) && row.length === (x[0] as unknown[]).length)) {
    return candidates((x[0] as unknown[]).length, x.length);
  }
  return [];
}

/** m for a layer, whose x keeps one example a row (N×D, the layer convention): the rows of a Matrix or number[][] `inputs.x`. */
export function layerBatchSizes(inputs: unknown): number[] {
  const x = inputs !== null && typeof inputs === 'object' ? (inputs as Record<string, unknown>).x : undefined;
  if (AbstractMatrix.isMatrix(x)) return candidates(x.rows);
  return Array.isArray(x) && x.length > 0 && x.every((row) => Array.isArray(row)) ? candidates(x.length) : [];
}

/** The counts above 1 (m = 1 makes 1/m invisible), each once, in order. */
function candidates(...counts: number[]): number[] {
  return [...new Set(counts.filter((m) => m > 1))];
}
