import type { Diagnosis } from './diagnosis.js';
import { at, leftOutNote, type Evidence } from './evidence.js';
import { allowanceOf, explainsConstant, explainsError, leastSquaresFactor, MIN_EVIDENCE } from './fit.js';
import { formatNumber, SNAP_TOLERANCE } from './format-factor.js';

/**
 * The fitted coefficient as the user wrote it: `0.0875·θ, i.e. λ/m with λ = 0.7 if m = 8`, with
 * the m (of those x suggests) that makes λ the roundest number; just `0.05·θ` when m is unknown.
 */
function coefficient(size: number, batchSizes: readonly number[]): string {
  const term = `${formatNumber(size)}·θ`;
  if (batchSizes.length === 0) return term;
  const m = batchSizes.reduce((best, candidate) => (significantDigits(size * candidate) < significantDigits(size * best) ? candidate : best));
  return `${term}, i.e. λ/m with λ = ${formatNumber(size * m)} if m = ${m}`;
}

/** The fewest significant digits that write `value` to within SNAP_TOLERANCE: 0.7 takes 1, 0.35 takes 2. */
function significantDigits(value: number): number {
  for (let digits = 1; digits < 15; digits++) {
    if (Math.abs(Number(value.toPrecision(digits)) - value) <= SNAP_TOLERANCE * Math.abs(value)) return digits;
  }
  return 15;
}

function regularizationLine(lambda: number, batchSizes: readonly number[], note: string): string {
  const term = coefficient(Math.abs(lambda), batchSizes);
  return lambda > 0
    ? `analytic − numeric = ${term}${note}: backprop adds an L2 term that the cost does not have, or the cost lacks it`
    : `numeric − analytic = ${term}${note}: backprop is missing the cost's L2 term`;
}

/**
 * 'regularization': analytic − numeric = λ·θ, λ fitted by least squares on the reliable entries,
 * every entry within the checker's allowance once λ·θ is removed. Needs MIN_EVIDENCE failing
 * entries and θ not all 0. Stays silent when one constant explains the error as well (θ the same
 * on every entry): that is 'axis'. Run 'scale' first: when the gradient itself is proportional
 * to θ, the two cannot be told apart and the scale is the plainer statement. The estimate is the
 * signed λ; the line states its size and says which side lacks the term.
 */
export function diagnoseRegularization(evidence: Evidence): Diagnosis | undefined {
  const { analytic, numeric, values } = evidence.input;
  if (evidence.failing.length < MIN_EVIDENCE) return undefined;
  if (evidence.reliable.some((k) => !Number.isFinite(at(values, k)))) return undefined;
  const theta = (k: number) => at(values, k);
  const lambda = leastSquaresFactor(theta, (k) => at(analytic, k) - at(numeric, k), evidence.reliable);
  if (lambda === undefined || lambda === 0) return undefined;
  const fits = explainsError(evidence, evidence.reliable, (k) => at(numeric, k) + lambda * theta(k), allowanceOf(evidence));
  if (!fits || explainsConstant(evidence)) return undefined;
  return { pattern: 'regularization', summary: regularizationLine(lambda, evidence.input.batchSizes, leftOutNote(evidence)), estimate: lambda };
}
