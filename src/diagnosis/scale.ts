import type { Diagnosis } from './diagnosis.js';
import { at, leftOutNote, type Evidence } from './evidence.js';
import { explainsError, leastSquaresFactor, MIN_EVIDENCE } from './fit.js';
import { formatFactor } from './format-factor.js';

/**
 * 0.01: k must differ from 1 by at least 1% to be called a factor; a smaller uniform departure
 * prints as 1.00 and is more likely lost precision than a factor in the code.
 */
export const MIN_DEPARTURE = 0.01;

/** A factor with a known cause, and how to say it. */
export interface NamedFactor {
  readonly value: number;
  readonly cause: string;
}

/** The factors common bugs produce, given the example counts m may be (from either axis of x). */
export function namedFactors(batchSizes: readonly number[]): NamedFactor[] {
  const perExample = batchSizes.flatMap((m): NamedFactor[] => [
    { value: m, cause: `a missing 1/m (m = ${m} examples): the sum over the examples is never divided by m` },
    { value: 1 / m, cause: `an extra 1/m (m = ${m} examples): the average over the examples is taken twice` },
  ]);
  return [
    ...perExample,
    { value: 2, cause: 'a factor 2 too many: the derivative of a square counted twice, or 2/m where 1/m was meant' },
    { value: 0.5, cause: 'a factor 2 missing: the 2 from the derivative of a square dropped, or 1/(2m) where 1/m was meant' },
    { value: -1, cause: 'a flipped sign: y − a where a − y was meant, or a subtraction the wrong way round' },
  ];
}

/** How far off a gradient k times the truth is, in words: `3× too large`, `1/3 of what it should be`, `the wrong sign`. */
export function howFarOff(k: number): string {
  const size = Math.abs(k);
  const magnitude = size > 1 ? `${formatFactor(size)}× too large` : `${formatFactor(size)} of what it should be`;
  if (k > 0) return magnitude;
  return Math.abs(size - 1) < MIN_DEPARTURE ? 'the wrong sign' : `the wrong sign and ${magnitude}`;
}

/** Whether analytic = k × numeric explains the error: every reliable entry, after dividing by k, within the checker's allowance. */
export function fitsScale(evidence: Evidence, k: number): boolean {
  const { numeric, allowed } = evidence.input;
  return (
    k !== 0 &&
    explainsError(
      evidence,
      evidence.reliable,
      (i) => k * at(numeric, i),
      (i) => Math.abs(k) * at(allowed, i),
    )
  );
}

/** The cause of a factor no common bug explains. */
const STRAY_FACTOR = "a stray constant factor in this parameter's backprop";

/** ` (11 are 0 on both sides)`: entries that fit any factor, so "every entry" is not misread. */
function zeroNote(evidence: Evidence): string {
  const { analytic, numeric, allowed } = evidence.input;
  const zeros = evidence.reliable.filter((i) => at(analytic, i) === 0 && Math.abs(at(numeric, i)) <= at(allowed, i)).length;
  return zeros === 0 ? '' : ` (${zeros} ${zeros === 1 ? 'is' : 'are'} 0 on both sides)`;
}

function scaleDiagnosis(evidence: Evidence, shown: number, estimate: number, causes: readonly string[]): Diagnosis {
  return {
    pattern: 'scale',
    summary:
      `${howFarOff(shown)}: analytic = ${formatFactor(shown)} × numeric on every entry${zeroNote(evidence)}${leftOutNote(evidence)}. ` +
      `Likely ${causes.join('; or ')}.`,
    estimate,
  };
}

/**
 * 'scale': analytic = k × numeric on every reliable entry (entries 0 on both sides fit any k).
 * k is fitted by least squares. A factor a common bug produces (m, 1/m, 2, ½, −1) is named with
 * its cause; any other k is stated only when at least MIN_EVIDENCE failing entries support it,
 * since a single entry fits every factor.
 */
export function diagnoseScale(evidence: Evidence): Diagnosis | undefined {
  const { analytic, numeric, batchSizes } = evidence.input;
  if (evidence.failing.length === 0) return undefined;
  const k = leastSquaresFactor((i) => at(numeric, i), (i) => at(analytic, i), evidence.reliable);
  if (k === undefined || Math.abs(k - 1) < MIN_DEPARTURE) return undefined;
  const named = namedFactors(batchSizes).filter((factor) => fitsScale(evidence, factor.value));
  const first = named[0];
  if (first !== undefined) return scaleDiagnosis(evidence, first.value, k, named.map((factor) => factor.cause));
  if (evidence.failing.length < MIN_EVIDENCE || !fitsScale(evidence, k)) return undefined;
  return scaleDiagnosis(evidence, k, k, [STRAY_FACTOR]);
}
