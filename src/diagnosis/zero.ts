import type { Diagnosis } from './diagnosis.js';
import { at, checkedPhrase, type Evidence } from './evidence.js';
import { MIN_EVIDENCE } from './fit.js';
import { labelList, labelsOf } from './labels.js';

/** 3 examples in the line itself: enough to locate the entries; `entries` carries up to MAX_LABELS. */
export const EXAMPLE_LABELS = 3;

/** Whether analytic entry k is 0 as far as the checker can tell: within its allowance of 0. */
function analyticZero(evidence: Evidence, k: number): boolean {
  return Math.abs(at(evidence.input.analytic, k)) <= at(evidence.input.allowed, k);
}

function countPhrase(count: number, evidence: Evidence): string {
  return count === evidence.input.analytic.length ? `all ${count} entries` : `${count} of ${checkedPhrase(evidence)}`;
}

/**
 * 'zero': analytic is 0 (within the allowance) on every failing entry, where numeric is not (that is
 * why they fail). Needs MIN_EVIDENCE entries: a single zero is as likely an indexing slip.
 */
export function diagnoseZero(evidence: Evidence): Diagnosis | undefined {
  const { failing, input } = evidence;
  if (failing.length < MIN_EVIDENCE || !failing.every((k) => analyticZero(evidence, k))) return undefined;
  const entries = labelsOf(input, failing);
  const examples = labelList(entries.slice(0, EXAMPLE_LABELS), failing.length);
  return {
    pattern: 'zero',
    summary: `analytic is 0 where numeric is not (${countPhrase(failing.length, evidence)}, e.g. ${examples}): a branch of backprop never reaches this parameter (detached, or \`=\` where \`+=\` was meant)`,
    entries,
  };
}
