import type { Diagnosis } from './diagnosis.js';
import { at, leftOutNote, type Evidence } from './evidence.js';
import { allowanceOf, explainsConstant, explainsError, meanError, MIN_EVIDENCE } from './fit.js';
import { formatNumber } from './format-factor.js';
import { gridOf, type Grid } from './matrix-shape.js';

/** The axis along which the error is constant: 'rows' means e[i,j] ≈ e_i for every j. */
export type Axis = 'rows' | 'columns';

/** Which group (row i or column j) flat entry k belongs to. */
type GroupOf = (k: number) => number;

const groupings = (grid: Grid): Record<Axis, GroupOf> => ({
  rows: (k) => Math.floor(k / grid.columns),
  columns: (k) => k % grid.columns,
});

/** The mean error a − n of each group over the reliable entries. */
function groupMeans(evidence: Evidence, groupOf: GroupOf): Map<number, number> {
  const { analytic, numeric } = evidence.input;
  const sums = new Map<number, { total: number; count: number }>();
  for (const k of evidence.reliable) {
    const sum = sums.get(groupOf(k)) ?? { total: 0, count: 0 };
    sum.total += at(analytic, k) - at(numeric, k);
    sum.count += 1;
    sums.set(groupOf(k), sum);
  }
  return new Map([...sums].map(([group, { total, count }]) => [group, total / count]));
}

/** Whether some group holds MIN_EVIDENCE failing entries: otherwise "constant along the group" was never observed. */
function observed(evidence: Evidence, groupOf: GroupOf): boolean {
  const counts = new Map<number, number>();
  for (const k of evidence.failing) counts.set(groupOf(k), (counts.get(groupOf(k)) ?? 0) + 1);
  return [...counts.values()].some((count) => count >= MIN_EVIDENCE);
}

/** Whether the error is one constant per group, within the checker's allowance on every reliable entry. */
function constantPerGroup(evidence: Evidence, groupOf: GroupOf): boolean {
  const means = groupMeans(evidence, groupOf);
  const { numeric } = evidence.input;
  const predicted = (k: number) => at(numeric, k) + (means.get(groupOf(k)) ?? 0);
  return observed(evidence, groupOf) && explainsError(evidence, evidence.reliable, predicted, allowanceOf(evidence));
}

const AXIS_LINES: Record<Axis, string> = {
  rows: 'the error is the same across each row (one constant per row)',
  columns: 'the error is the same down each column (one constant per column)',
};

const CAUSE = 'summed or broadcast over the wrong axis';

/**
 * 'axis': for a matrix, the error e = a − n is (nearly) one constant per row (e[i,j] ≈ e_i) or per
 * column. A row needs at least two columns to show it (a column two rows). When one constant fits
 * every entry, the line says so. Run 'scale' first: an error proportional to the gradient is a scale.
 */
export function diagnoseAxis(evidence: Evidence): Diagnosis | undefined {
  const grid = gridOf(evidence.input.shape);
  if (grid === undefined) return undefined;
  const groups = groupings(grid);
  const candidates: Axis[] = [...(grid.columns > 1 ? ['rows' as const] : []), ...(grid.rows > 1 ? ['columns' as const] : [])];
  const axis = candidates.find((candidate) => constantPerGroup(evidence, groups[candidate]));
  if (axis === undefined) return undefined;
  const note = leftOutNote(evidence);
  if (explainsConstant(evidence)) {
    const constant = formatNumber(meanError(evidence));
    return { pattern: 'axis', axis, summary: `the error is the same on every entry (analytic − numeric ≈ ${constant})${note}: ${CAUSE}` };
  }
  return { pattern: 'axis', axis, summary: `${AXIS_LINES[axis]}${note}: ${CAUSE}` };
}
