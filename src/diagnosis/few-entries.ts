import type { Diagnosis } from './diagnosis.js';
import { at, checkedPhrase, type Evidence } from './evidence.js';
import { MIN_EVIDENCE } from './fit.js';
import { labelList, labelsOf } from './labels.js';

/** 4 entries at least: in a smaller parameter one wrong entry is a quarter of it, not "a few". */
export const MIN_FEW_SIZE = 4;

/** 10% of the entries at most (rounded up): beyond that the bug is no longer confined to a few places. */
export const FEW_FRACTION = 0.1;

/** Whether reliable entry k passed with a numeric value distinguishable from 0: a match that shows something. */
function informativeMatch(evidence: Evidence, k: number): boolean {
  const { failing, numeric, allowed } = evidence.input;
  return at(failing, k) === 0 && Math.abs(at(numeric, k)) > at(allowed, k);
}

/**
 * 'few-entries': at most ⌈FEW_FRACTION × size⌉ reliable entries fail and every other reliable entry
 * passes, at least MIN_EVIDENCE of them with a non-zero gradient (entries 0 on both sides match
 * trivially and would not rule out, say, a factor on the whole gradient).
 */
export function diagnoseFewEntries(evidence: Evidence): Diagnosis | undefined {
  const { failing, input } = evidence;
  const size = evidence.checked;
  if (size < MIN_FEW_SIZE || failing.length === 0 || failing.length > Math.ceil(FEW_FRACTION * size)) return undefined;
  const matches = evidence.reliable.filter((k) => informativeMatch(evidence, k)).length;
  if (matches < MIN_EVIDENCE) return undefined;
  const entries = labelsOf(input, failing);
  const one = failing.length === 1;
  return {
    pattern: 'few-entries',
    summary: `only ${failing.length} of ${checkedPhrase(evidence)} ${one ? 'is' : 'are'} wrong (${labelList(entries, failing.length)}): an indexing bug at ${one ? 'that entry' : 'those entries'}?`,
    entries,
  };
}
