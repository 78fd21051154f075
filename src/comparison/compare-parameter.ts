import { diagnose } from '../diagnosis/diagnose.js';
import { entryIndex, entryLabel } from '../layout/entry-index.js';
import type { ParameterSlot } from '../parameters/parameter-set.js';
import type { DirectionalReport, EntryReport, ParameterReport } from '../report/report.js';
import type { Judgement, UnverifiableCause } from './judge-entry.js';
import { differenceOfSums, relativeDifference } from './relative-difference.js';

/** How many of its worst entries a failing parameter's report keeps: enough to see a pattern, few enough to read. */
export const WORST_ENTRIES = 10;

/** How many a passing parameter's report keeps: the closest calls, for `.not` and for the curious. */
export const CLOSEST_ENTRIES = 3;

/**
 * Judges entry k of a slot; `tolerance` overrides the relative tolerance for this call, `scale` is
 * the size of the gradients around it (its tensor's RMS), which a small entry's estimate is held to.
 */
export type Judge = (slot: ParameterSlot, k: number, analytic: number, tolerance?: number, scale?: number) => Judgement;

/** What to check in one parameter: which entries one by one (all when omitted), and a directional verdict already made. */
export interface Coverage {
  readonly indices?: readonly number[];
  readonly directional?: DirectionalReport;
}

/**
 * Judges entries of one parameter against its analytic gradient and, when some fail, says what
 * the pattern of the errors suggests. `batchSizes` (m's candidates, from x) let it name a missing 1/m.
 * Entries left unchecked hold NaN in `numeric` and count nowhere. `name` names the report and its
 * entries (the slot's own name by default).
 */
export function compareParameter(
  slot: ParameterSlot,
  analytic: Float64Array,
  judge: Judge,
  batchSizes: readonly number[],
  { indices, directional }: Coverage = {},
  name = slot.name,
): ParameterReport {
  const { size } = slot;
  const checked = indices ?? everyIndex(size);
  // One allocation for the six per-entry arrays, one for the three per-entry flags.
  const buffer = new Float64Array(6 * size);
  const numeric = buffer.subarray(0, size).fill(Number.NaN);
  const judged = buffer.subarray(size, 2 * size).fill(Number.NaN);
  const allowed = buffer.subarray(2 * size, 3 * size);
  const left = buffer.subarray(3 * size, 4 * size);
  const right = buffer.subarray(4 * size, 5 * size);
  /** How badly each entry fared: a failing one's |error|, a passing one's share of its allowance. */
  const badness = buffer.subarray(5 * size);
  const bytes = new Uint8Array(3 * size);
  const flags = bytes.subarray(0, size);
  const failed = bytes.subarray(size, 2 * size);
  const atKink = bytes.subarray(2 * size);
  const failingIndices: number[] = [];
  let unverifiable = 0;
  let kinks = 0;
  let maxAbsError = 0;
  // The notebook's formula over the checked entries' central differences, summed as they come.
  let differenceSquares = 0;
  let analyticSquares = 0;
  let numericSquares = 0;
  const scale = rootMeanSquare(analytic);
  // One pass, no callback per entry: this loop and the judge are all a passing check adds to its forwards.
  for (let i = 0; i < checked.length; i++) {
    const k = checked[i] as number;
    const a = analytic[k] as number;
    const verdict = judge(slot, k, a, undefined, scale);
    const { central, pass, kink } = verdict;
    numeric[k] = central;
    judged[k] = verdict.numeric;
    allowed[k] = verdict.allowed;
    left[k] = verdict.left;
    right[k] = verdict.right;
    differenceSquares += (a - central) * (a - central);
    analyticSquares += a * a;
    numericSquares += central * central;
    const error = Math.abs(a - verdict.numeric);
    if (error > maxAbsError) maxAbsError = error;
    badness[k] = pass ? error / verdict.allowed : error;
    flags[k] = CHECKED | (pass ? PASSED : 0) | (verdict.refined ? REFINED : 0) | (kink ? KINK : 0) | (verdict.unverifiable ? UNVERIFIED[verdict.unverifiable] : 0);
    if (kink) {
      atKink[k] = 1;
      kinks++;
    }
    if (!pass) {
      failingIndices.push(k);
      failed[k] = verdict.unverifiable ? 2 : 1;
      if (verdict.unverifiable) unverifiable++;
    }
  }
  const failing = failingIndices.length;
  const has = (k: number, flag: number) => ((flags[k] as number) & flag) !== 0;
  const worst = worstOf(checked, failingIndices, badness).map((k): EntryReport => {
    const index = entryIndex(slot.shape, k);
    const a = analytic[k] as number;
    const n = judged[k] as number;
    return {
      index,
      label: entryLabel(name, index),
      analytic: a,
      numeric: n,
      absError: Math.abs(a - n),
      relError: relativeDifference(a, n),
      allowed: allowed[k] as number,
      pass: has(k, PASSED),
      refined: has(k, REFINED),
      kink: has(k, KINK),
      ...(has(k, UNVERIFIABLE) && { unverifiable: has(k, UNVERIFIED.kink) ? ('kink' as const) : ('noise' as const) }),
      left: left[k] as number,
      right: right[k] as number,
    };
  });
  const diagnosis =
    failing === 0
      ? undefined
      : diagnose({
          name,
          shape: slot.shape,
          analytic,
          numeric: judged,
          values: slot.values(),
          allowed,
          failing: failed.map((f) => (f === 1 ? 1 : 0)),
          reliable: flags.map((f) => (f & CHECKED && !(f & KINK) && !(f & UNVERIFIABLE) ? 1 : 0)),
          checked: flags.map((f) => (f & CHECKED ? 1 : 0)),
          batchSizes,
        });
  return {
    name,
    shape: slot.shape,
    size,
    checked: checked.length,
    pass: failing === 0 && (directional?.pass ?? true),
    failing,
    unverifiable,
    kinks,
    difference: differenceOfSums(differenceSquares, analyticSquares, numericSquares),
    maxAbsError,
    worst,
    ...(directional && { directional }),
    ...(diagnosis && { diagnosis }),
    analytic,
    numeric,
    estimate: judged,
    allowed,
    failed,
    atKink,
  };
}

/** √(Σ vᵢ² / n): the typical size of a tensor's entries. */
function rootMeanSquare(values: Float64Array): number {
  let squares = 0;
  for (const v of values) squares += v * v;
  return Math.sqrt(squares / values.length);
}

/** Bits of an entry's flags. */
const CHECKED = 1;
const PASSED = 2;
const REFINED = 4;
const KINK = 8;
/** An entry no step could verify, by its cause. */
const UNVERIFIED: Record<UnverifiableCause, number> = { noise: 16, kink: 32 };
const UNVERIFIABLE = UNVERIFIED.noise | UNVERIFIED.kink;

/**
 * The WORST_ENTRIES entries that fared worst: failing ones first, largest error first, then
 * passing ones nearest their allowance (`badness` holds both measures, per entry).
 */
function worstOf(candidates: readonly number[], failing: readonly number[], badness: Float64Array): number[] {
  if (failing.length === 0) return largest(candidates, badness, CLOSEST_ENTRIES);
  const worst = largest(failing, badness, WORST_ENTRIES);
  if (worst.length === WORST_ENTRIES) return worst;
  const isFailing = new Set(failing);
  return [...worst, ...largest(candidates.filter((k) => !isFailing.has(k)), badness, WORST_ENTRIES - worst.length)];
}

/** The `count` candidates with the largest `key`, largest first: one pass, no sort of them all. */
function largest(candidates: readonly number[], key: Float64Array, count: number): number[] {
  const kept: number[] = [];
  const keys: number[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const k = candidates[c] as number;
    const value = key[k] as number;
    if (kept.length === count && !(value > (keys[count - 1] as number))) continue;
    let i = kept.length === count ? count - 1 : kept.length;
    while (i > 0 && value > (keys[i - 1] as number)) {
      kept[i] = kept[i - 1] as number;
      keys[i] = keys[i - 1] as number;
      i--;
    }
    kept[i] = k;
    keys[i] = value;
  }
  return kept;
}

/** 0, 1, …, size − 1 (a plain loop: `Array.from` with a callback costs more than the check of a small tensor). */
function everyIndex(size: number): number[] {
  const indices = new Array<number>(size);
  for (let k = 0; k < size; k++) indices[k] = k;
  return indices;
}
