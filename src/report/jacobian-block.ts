import { WORST_ENTRIES } from '../comparison/compare-parameter.js';
import { relativeDifference } from '../comparison/relative-difference.js';
import { concat } from '../layout/concat.js';
import type { EntryReport, ParameterReport } from './report.js';

/** What names a Jacobian block and its entries: `dx`, `out[1,0]` for each output entry and `x[2,3]` for each input entry. */
export interface BlockNaming {
  readonly name: string;
  readonly outputLabels: readonly string[];
  readonly inputLabels: readonly string[];
}

/**
 * One input's block of the Jacobian, ∂out/∂x (output entries × input entries), from the reports
 * of its rows (one check per output entry): entries named as pairs, `out[1,0] ← x[2,3]`, indexed
 * `[output entry, input entry]`. Its worst entries are the rows' worst, failing ones first.
 */
export function jacobianBlock(rows: readonly ParameterReport[], naming: BlockNaming): ParameterReport {
  const first = rows[0] as ParameterReport;
  const analytic = concat(rows.map((row) => row.analytic));
  const numeric = concat(rows.map((row) => row.numeric));
  const checked = (_: number, k: number) => !Number.isNaN(numeric[k]);
  const relabel = (entry: EntryReport, j: number): EntryReport => ({
    ...entry,
    index: [j, rowIndex(entry.index, first.shape)],
    label: `${naming.outputLabels[j]} ← ${naming.inputLabels[rowIndex(entry.index, first.shape)]}`,
  });
  const directional = rows.find((row) => row.directional && !row.directional.pass)?.directional ?? first.directional;
  return {
    name: naming.name,
    shape: [rows.length, first.size],
    size: rows.length * first.size,
    checked: rows.reduce((n, row) => n + row.checked, 0),
    pass: rows.every((row) => row.pass),
    failing: rows.reduce((n, row) => n + row.failing, 0),
    unverifiable: rows.reduce((n, row) => n + row.unverifiable, 0),
    kinks: rows.reduce((n, row) => n + row.kinks, 0),
    difference: relativeDifference(analytic.filter(checked), numeric.filter(checked)),
    maxAbsError: Math.max(...rows.map((row) => row.maxAbsError)),
    worst: rows
      .flatMap((row, j) => row.worst.map((entry) => relabel(entry, j)))
      .sort((a, b) => Number(a.pass) - Number(b.pass) || (a.pass ? b.absError / b.allowed - a.absError / a.allowed : b.absError - a.absError))
      .slice(0, WORST_ENTRIES),
    analytic,
    numeric,
    estimate: concat(rows.map((row) => row.estimate)),
    allowed: concat(rows.map((row) => row.allowed)),
    failed: Uint8Array.from(rows.flatMap((row) => Array.from(row.failed))),
    atKink: Uint8Array.from(rows.flatMap((row) => Array.from(row.atKink))),
    ...(directional && { directional }),
  };
}

/** The flat, row-major index of an entry of one row (a gradient of the input's shape). */
function rowIndex(index: readonly number[], shape: readonly number[]): number {
  return index.length === 2 ? (index[0] as number) * (shape[1] as number) + (index[1] as number) : (index[0] ?? 0);
}
