import { diagnose } from '../diagnosis/diagnose.js';
import { entryIndex, entryLabel } from '../layout/entry-index.js';
import type { ParameterSlot } from '../parameters/parameter-set.js';
import { stepFor } from '../perturbation/step.js';
import type { DirectionalReport, EntryReport, ParameterReport } from '../report/report.js';
import type { Judgement } from './judge-entry.js';
import { relativeDifference } from './relative-difference.js';

/** How many of its worst entries a parameter's report keeps: enough to see a pattern, few enough to read. */
export const WORST_ENTRIES = 10;

/** Judges entry k of a slot at step h; `tolerance` overrides the relative tolerance for this call. */
export type Judge = (slot: ParameterSlot, k: number, h: number, analytic: number, tolerance?: number) => Judgement;

/** What to check in one parameter: which entries one by one (all when omitted), and a directional verdict already made. */
export interface Coverage {
  readonly indices?: readonly number[];
  readonly directional?: DirectionalReport;
}

/**
 * Judges entries of one parameter against its analytic gradient and, when some fail, says what
 * the pattern of the errors suggests. `batchSize` (m, from x) lets it name a missing 1/m.
 * Entries left unchecked hold NaN in `numeric` and count nowhere.
 */
export function compareParameter(
  slot: ParameterSlot,
  analytic: Float64Array,
  judge: Judge,
  epsilon: number | undefined,
  batchSize: number | undefined,
  { indices, directional }: Coverage = {},
): ParameterReport {
  const { size } = slot;
  const checked = indices ?? Array.from({ length: size }, (_, k) => k);
  const values = new Float64Array(size);
  const numeric = new Float64Array(size).fill(Number.NaN);
  const judged = new Float64Array(size).fill(Number.NaN);
  const allowed = new Float64Array(size);
  const passed = new Uint8Array(size);
  const refined = new Uint8Array(size);
  const kink = new Uint8Array(size);
  const left = new Float64Array(size);
  const right = new Float64Array(size);
  let failing = 0;
  let kinks = 0;
  let maxAbsError = 0;
  for (const k of checked) {
    const a = analytic[k] as number;
    values[k] = slot.get(k);
    const verdict = judge(slot, k, stepFor(values[k] as number, epsilon), a);
    numeric[k] = verdict.central;
    judged[k] = verdict.numeric;
    allowed[k] = verdict.allowed;
    passed[k] = verdict.pass ? 1 : 0;
    refined[k] = verdict.refined ? 1 : 0;
    kink[k] = verdict.kink ? 1 : 0;
    left[k] = verdict.left;
    right[k] = verdict.right;
    if (!verdict.pass) failing++;
    if (verdict.kink) kinks++;
    maxAbsError = Math.max(maxAbsError, Math.abs(a - verdict.numeric));
  }
  const error = (k: number) => Math.abs((analytic[k] as number) - (judged[k] as number));
  // Failing entries by size of error; passing ones by how close they came to their allowance.
  const badness = (k: number) => (passed[k] ? error(k) / (allowed[k] as number) : error(k));
  const worst = [...checked]
    .sort((p, q) => (passed[p] as number) - (passed[q] as number) || badness(q) - badness(p))
    .slice(0, WORST_ENTRIES)
    .map((k): EntryReport => {
      const index = entryIndex(slot.shape, k);
      const a = analytic[k] as number;
      const n = judged[k] as number;
      return {
        index,
        label: entryLabel(slot.name, index),
        analytic: a,
        numeric: n,
        absError: Math.abs(a - n),
        relError: relativeDifference(a, n),
        allowed: allowed[k] as number,
        pass: passed[k] === 1,
        refined: refined[k] === 1,
        kink: kink[k] === 1,
        left: left[k] as number,
        right: right[k] as number,
      };
    });
  const isChecked = new Uint8Array(size);
  for (const k of checked) isChecked[k] = 1;
  const diagnosis =
    failing === 0
      ? undefined
      : diagnose({
          name: slot.name,
          shape: slot.shape,
          analytic,
          numeric: judged,
          values,
          allowed,
          failing: isChecked.map((c, k) => c & (1 - (passed[k] as number))),
          reliable: isChecked.map((c, k) => c & (1 - (kink[k] as number))),
          checked: isChecked,
          batchSize,
        });
  return {
    name: slot.name,
    shape: slot.shape,
    size,
    checked: checked.length,
    pass: failing === 0 && (directional?.pass ?? true),
    failing,
    kinks,
    difference: relativeDifference(pick(analytic, checked), pick(numeric, checked)),
    maxAbsError,
    worst,
    ...(directional && { directional }),
    ...(diagnosis && { diagnosis }),
    analytic,
    numeric,
  };
}

function pick(values: Float64Array, indices: readonly number[]): Float64Array {
  return indices.length === values.length ? values : Float64Array.from(indices, (k) => values[k] as number);
}
