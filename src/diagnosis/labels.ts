import { entryIndex, entryLabel } from '../layout/entry-index.js';
import type { DiagnosisInput } from './diagnosis.js';

/** 5 labels: enough to see where the entries are, few enough to read. */
export const MAX_LABELS = 5;

/** The labels (`W2[1,3]`) of the first MAX_LABELS of `entries`. */
export function labelsOf(input: DiagnosisInput, entries: readonly number[]): string[] {
  return entries.slice(0, MAX_LABELS).map((k) => entryLabel(input.name, entryIndex(input.shape, k)));
}

/** `W2[1,3], W2[2,0]`, with `, …` when there were more entries than labels. */
export function labelList(labels: readonly string[], total: number): string {
  return labels.join(', ') + (total > labels.length ? ', …' : '');
}
