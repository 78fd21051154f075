import type { Diagnosis } from './diagnosis.js';
import { at, leftOutNote, type Evidence } from './evidence.js';
import { allowanceOf, explainsConstant, explainsError, leastSquaresFactor, MIN_EVIDENCE } from './fit.js';
import { formatNumber } from './format-factor.js';

function regularizationLine(lambda: number, note: string): string {
  const size = formatNumber(Math.abs(lambda));
  return lambda > 0
    ? `analytic − numeric = λ·θ with λ ≈ ${size}${note}: backprop adds an L2 term (λ·θ) that the cost does not have, or the cost lacks it`
    : `numeric − analytic = λ·θ with λ ≈ ${size}${note}: backprop is missing the cost's L2 term (λ·θ)`;
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
  return { pattern: 'regularization', summary: regularizationLine(lambda, leftOutNote(evidence)), estimate: lambda };
}
