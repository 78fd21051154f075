import { diagnoseAxis } from './axis.js';
import type { Diagnosis, DiagnosisInput } from './diagnosis.js';
import { gatherEvidence, sizeOf, type Evidence } from './evidence.js';
import { diagnoseFewEntries } from './few-entries.js';
import { diagnoseRegularization } from './regularization.js';
import { diagnoseScale } from './scale.js';
import { diagnoseTranspose } from './transpose.js';
import { diagnoseZero } from './zero.js';

/**
 * The patterns, most specific first: a scale is one number over the whole gradient, a transpose
 * none, a regularization term one number over θ; an axis error needs a constant per row or column;
 * 'zero' and 'few-entries' only describe where the failures are.
 */
const PATTERNS: readonly ((evidence: Evidence) => Diagnosis | undefined)[] = [
  diagnoseScale,
  diagnoseTranspose,
  diagnoseRegularization,
  diagnoseAxis,
  diagnoseZero,
  diagnoseFewEntries,
];

function checkLengths(input: DiagnosisInput): void {
  const size = sizeOf(input.shape);
  const arrays = [input.analytic, input.numeric, input.values, input.allowed, input.failing, input.reliable];
  if (arrays.some((array) => array.length !== size)) {
    throw new RangeError(`diagnose: every array of ${input.name} must hold ${size} entries (shape [${input.shape.join(', ')}]).`);
  }
}

/**
 * What kind of bug one failing parameter's error pattern suggests, or undefined when no pattern
 * clearly fits: each pattern must explain the error to within the checker's own allowance on
 * every reliable entry, never a best guess. A single-entry parameter can only show a scale, and
 * only one of the factors common bugs produce (m, 1/m, 2, ½, −1): one number fits any factor.
 * Throws a RangeError when the arrays do not match `shape`.
 */
export function diagnose(input: DiagnosisInput): Diagnosis | undefined {
  checkLengths(input);
  const evidence = gatherEvidence(input);
  if (evidence === undefined || evidence.failing.length === 0) return undefined;
  if (input.analytic.length === 1) return diagnoseScale(evidence);
  for (const pattern of PATTERNS) {
    const diagnosis = pattern(evidence);
    if (diagnosis !== undefined) return diagnosis;
  }
  return undefined;
}
