import { diagnose } from '../diagnosis/diagnose.js';
import { entryIndex, entryLabel, everyIndex } from '../layout/entry-index.js';
import { valuesOf } from '../parameters/numeric-view.js';
import type { ParameterSlot } from '../parameters/parameter-set.js';
import { newFloat64Array, newUint8Array } from '../parameters/slab.js';
import type { DirectionalReport, EntryReport, ParameterReport } from '../report/report.js';
import type { Judge, Judgement, UnverifiableCause } from './judge-entry.js';
import { Largest } from './largest.js';
import { differenceOfSums, relativeDifference } from './relative-difference.js';

/** How many of its worst entries a failing parameter's report keeps: enough to see a pattern, few enough to read. */
export const WORST_ENTRIES = 10;

/** How many passing entries a report keeps besides the failing ones (up to WORST_ENTRIES in all): the closest calls, for `.not` and for the curious. */
export const CLOSEST_ENTRIES = 3;

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
  // The report's per-entry arrays; what the worst entries need besides them is kept with them as they are judged.
  // NaN marks an entry left unchecked: with every entry checked, all are written below.
  const perEntry = () => (indices ? newFloat64Array(size).fill(Number.NaN) : newFloat64Array(size));
  const numeric = perEntry();
  const judged = perEntry();
  const allowed = newFloat64Array(size);
  const failed = newUint8Array(size);
  const atKink = newUint8Array(size);
  // Failing entries by their error; passing ones by the share of their allowance they used.
  const wrongest = new Largest<Kept>(WORST_ENTRIES);
  const closest = new Largest<Kept>(CLOSEST_ENTRIES);
  let failing = 0;
  let unverifiable = 0;
  let kinks = 0;
  // The notebook's formula's sums over the checked entries' central differences, and the largest error, as
  // they come: fields of an object, as a number kept in a closure's variable would be boxed anew at every update.
  const totals = { difference: 0, analytic: 0, numeric: 0, maxError: 0 };
  // The entries measured in one loop, then each verdict recorded here as it is made: with the
  // perturbation loop, all that a passing check adds to its forwards.
  judge.each(slot, checked, analytic, rootMeanSquare(analytic), (k, verdict) => {
    const a = analytic[k] as number;
    const { central, pass, kink } = verdict;
    numeric[k] = central;
    judged[k] = verdict.numeric;
    allowed[k] = verdict.allowed;
    totals.difference += (a - central) * (a - central);
    totals.analytic += a * a;
    totals.numeric += central * central;
    const error = Math.abs(a - verdict.numeric);
    if (error > totals.maxError) totals.maxError = error;
    if (kink) {
      atKink[k] = 1;
      kinks++;
    }
    if (!pass) {
      failing++;
      failed[k] = verdict.unverifiable ? 2 : 1;
      if (verdict.unverifiable) unverifiable++;
    }
    const board = pass ? closest : wrongest;
    const key = pass ? error / verdict.allowed : error;
    if (board.admits(key)) board.add(key, keep(k, verdict));
  });
  const kept = wrongest.top().concat(closest.top(Math.max(0, WORST_ENTRIES - failing)));
  const worst = kept.map(
    ({ k, refined, kink, unverifiable: cause, left, right }): EntryReport => {
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
        pass: failed[k] === 0,
        refined,
        kink,
        left,
        right,
        // Set even when undefined: an optional spread here would copy properties at run time, for every kept entry.
        unverifiable: cause,
      };
    },
  );
  const diagnosis =
    failing === 0
      ? undefined
      : diagnose({
          name,
          shape: slot.shape,
          analytic,
          numeric: judged,
          values: valuesOf(slot),
          allowed,
          failing: failed.map((f) => (f === 1 ? 1 : 0)),
          reliable: Uint8Array.from(judged, (n, k) => (!Number.isNaN(n) && atKink[k] === 0 && failed[k] !== 2 ? 1 : 0)),
          checked: Uint8Array.from(judged, (n) => (Number.isNaN(n) ? 0 : 1)),
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
    difference: differenceOfSums(totals.difference, totals.analytic, totals.numeric),
    maxAbsError: totals.maxError,
    worst,
    analytic,
    numeric,
    estimate: judged,
    allowed,
    failed,
    atKink,
    ...(directional && { directional }),
    ...(diagnosis && { diagnosis }),
  };
}

/** √(Σ vᵢ² / n): the typical size of a tensor's entries. */
function rootMeanSquare(values: Float64Array): number {
  let squares = 0;
  for (let k = 0; k < values.length; k++) squares += (values[k] as number) * (values[k] as number);
  return Math.sqrt(squares / values.length);
}

/** What the report says of an entry besides its arrays' values, kept for the worst entries only. */
interface Kept {
  readonly k: number;
  readonly refined: boolean;
  readonly kink: boolean;
  readonly unverifiable: UnverifiableCause | undefined;
  readonly left: number;
  readonly right: number;
}

function keep(k: number, { refined, kink, unverifiable, left, right }: Judgement): Kept {
  return { k, refined, kink, unverifiable, left, right };
}
