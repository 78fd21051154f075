import type { DiagnosisInput } from './diagnosis.js';

/** The entries a diagnosis may use: the reliable ones, and among them those that failed. */
export interface Evidence {
  readonly input: DiagnosisInput;
  /** Flat indices of the entries whose numeric value can be trusted, in order. */
  readonly reliable: readonly number[];
  /** Flat indices of the reliable entries that failed the check: what a pattern must explain. */
  readonly failing: readonly number[];
  /** How many entries were judged at all (all of them unless the check sampled). */
  readonly checked: number;
}

/** Entry `k` of a typed array (callers only pass indices inside it). */
export function at(array: ArrayLike<number>, k: number): number {
  return array[k] as number;
}

/** The number of entries a parameter of `shape` holds: the product of its dimensions (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((product, dimension) => product * dimension, 1);
}

/** Whether entry `k` carries usable numbers: marked reliable, analytic and numeric finite. */
function usable(input: DiagnosisInput, k: number): boolean {
  return at(input.reliable, k) === 1 && Number.isFinite(at(input.analytic, k)) && Number.isFinite(at(input.numeric, k));
}

/**
 * Sorts the entries of `input` into reliable and reliable-and-failing. Undefined when an entry
 * marked reliable holds a NaN or an infinity: no pattern can be fitted through it.
 */
export function gatherEvidence(input: DiagnosisInput): Evidence | undefined {
  const reliable: number[] = [];
  const failing: number[] = [];
  let checked = 0;
  for (let k = 0; k < input.analytic.length; k++) {
    if (input.checked !== undefined && at(input.checked, k) !== 1) continue;
    checked++;
    if (at(input.reliable, k) !== 1) continue;
    if (!usable(input, k)) return undefined;
    reliable.push(k);
    if (at(input.failing, k) === 1) failing.push(k);
  }
  return { input, reliable, failing, checked };
}

/** How many of the judged entries were left out as unreliable (at kinks). */
export function leftOut(evidence: Evidence): number {
  return evidence.checked - evidence.reliable.length;
}

/** `15 entries`, or `8 entries checked (of 8192)` when the check judged only some. */
export function checkedPhrase(evidence: Evidence): string {
  const size = evidence.input.analytic.length;
  return evidence.checked === size ? `${size} entries` : `${evidence.checked} entries checked (of ${size})`;
}

/** ` (2 kink entries left out)` when some entries were left out of the fit, else nothing. */
export function leftOutNote(evidence: Evidence): string {
  const count = leftOut(evidence);
  if (count === 0) return '';
  return count === 1 ? ' (1 kink entry left out)' : ` (${count} kink entries left out)`;
}
