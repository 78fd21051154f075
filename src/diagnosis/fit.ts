import { at, type Evidence } from './evidence.js';

/**
 * 1e-3: a pattern must account for all but 0.1% of the error ‖a − n‖ it claims to explain. A real
 * pattern is exact up to the numeric estimate's own error (~1e-6 relative and below); an unrelated
 * error that only resembles it misses by far more.
 */
export const RELATIVE_RESIDUAL = 1e-3;

/**
 * 2: each entry's residual may be twice the checker's allowance, because the fitted k, λ or row
 * constant is itself estimated from noisy entries and carries noise of the same order.
 */
export const FIT_SLACK = 2;

/**
 * 2 failing entries: one entry fits any factor, any λ, any constant; two that agree to within the
 * checker's allowance are no coincidence.
 */
export const MIN_EVIDENCE = 2;

/** A number per flat entry index. */
export type PerEntry = (k: number) => number;

/** The least-squares c minimising Σ (y_k − c·x_k)² over `entries`; undefined when every x_k is 0. */
export function leastSquaresFactor(x: PerEntry, y: PerEntry, entries: readonly number[]): number | undefined {
  let xy = 0;
  let xx = 0;
  for (const k of entries) {
    const xk = x(k);
    xy += xk * y(k);
    xx += xk * xk;
  }
  return xx > 0 ? xy / xx : undefined;
}

/**
 * Whether `predicted` (a model of the analytic gradient) explains the error on `entries`: every
 * entry's |analytic − predicted| within FIT_SLACK × `allowance`, and the residual norm within
 * RELATIVE_RESIDUAL of the error norm ‖analytic − numeric‖, which must not be 0.
 */
export function explainsError(
  evidence: Evidence,
  entries: readonly number[],
  predicted: PerEntry,
  allowance: PerEntry,
): boolean {
  const { analytic, numeric } = evidence.input;
  let residualSquares = 0;
  let errorSquares = 0;
  for (const k of entries) {
    const a = at(analytic, k);
    const residual = a - predicted(k);
    if (!(Math.abs(residual) <= FIT_SLACK * allowance(k))) return false;
    residualSquares += residual * residual;
    errorSquares += (a - at(numeric, k)) ** 2;
  }
  return errorSquares > 0 && Math.sqrt(residualSquares) <= RELATIVE_RESIDUAL * Math.sqrt(errorSquares);
}

/** The checker's own allowance for entry k. */
export function allowanceOf(evidence: Evidence): PerEntry {
  return (k) => at(evidence.input.allowed, k);
}

/** The mean error a − n over the reliable entries. */
export function meanError(evidence: Evidence): number {
  const { analytic, numeric } = evidence.input;
  const total = evidence.reliable.reduce((sum, k) => sum + at(analytic, k) - at(numeric, k), 0);
  return evidence.reliable.length === 0 ? 0 : total / evidence.reliable.length;
}

/** Whether one constant c explains the error, analytic = numeric + c, on at least MIN_EVIDENCE failing entries. */
export function explainsConstant(evidence: Evidence): boolean {
  const c = meanError(evidence);
  const { numeric } = evidence.input;
  return evidence.failing.length >= MIN_EVIDENCE && explainsError(evidence, evidence.reliable, (k) => at(numeric, k) + c, allowanceOf(evidence));
}
