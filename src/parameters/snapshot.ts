import { GradcheckError } from '../gradcheck-error.js';
import { entryIndex, entryLabel } from '../layout/entry-index.js';
import { type NumericView, numericView } from './numeric-view.js';
import type { ParameterSet } from './parameter-set.js';
import { newFloat64Array } from './slab.js';

/** A view whose numbers were saved, from `offset` on in the snapshot's copy. */
interface Saved {
  readonly view: NumericView;
  readonly offset: number;
}

/** Copies of every parameter's numbers, and of x's and y's when they hold numbers, to see what a call changed. */
export interface Snapshot {
  readonly saved: readonly Saved[];
  /** Every saved number, view after view. */
  readonly values: Float64Array;
  /** Where `assertUnchanged` reads the numbers again: made once, as making a typed array takes several hundred nanoseconds. */
  readonly scratch: Float64Array;
  /** What a call must not write to, for the message: `params, x or y`. */
  readonly what: string;
}

/** The numbers of the parameters (and of x and y, when they are matrices or arrays) as they stand. */
export function takeSnapshot(set: ParameterSet, x: unknown, y: unknown): Snapshot {
  const inputs = [viewOrNothing('x', x), viewOrNothing('y', y)].filter((view) => view !== undefined);
  return snapshotOf(set, inputs, 'params, x or y');
}

/** The numbers of the parameters and of other views (a layer's dout), as they stand; `what` names them all. */
export function snapshotOf(set: ParameterSet, others: readonly NumericView[], what: string): Snapshot {
  let offset = 0;
  const saved = [...set.slots, ...others].map((view) => {
    const entry = { view, offset };
    offset += view.size;
    return entry;
  });
  const values = newFloat64Array(offset);
  readInto(saved, values);
  return { saved, values, scratch: newFloat64Array(offset), what };
}

/**
 * Throws a `GradcheckError` naming the first number that `who` changed (after putting every
 * number back as it was), or does nothing when all are bit-identical.
 */
export function assertUnchanged(snapshot: Snapshot, who: string): void {
  const { saved, values, scratch } = snapshot;
  readInto(saved, scratch);
  const changed = firstChange(values, scratch);
  if (changed < 0) return;
  const { view, offset } = saved.filter((entry) => entry.offset <= changed).pop() as Saved;
  const k = changed - offset;
  const now = view.get(k);
  restore(snapshot);
  const label = entryLabel(view.name, entryIndex(view.shape, k));
  throw new GradcheckError(
    `${who} changed its input: ${label} was ${values[changed]} before the call and ${now} after ` +
      `(in-place clipping, normalisation or accumulation?). It must not write to ${snapshot.what}; the values have been restored.`,
  );
}

/** Puts every saved number back. */
export function restore(snapshot: Snapshot): void {
  for (const { view, offset } of snapshot.saved) {
    for (let k = 0; k < view.size; k++) {
      const value = snapshot.values[offset + k] as number;
      if (!Object.is(view.get(k), value)) view.set(k, value);
    }
  }
}

function readInto(saved: readonly Saved[], into: Float64Array): void {
  for (const { view, offset } of saved) view.read(into, offset);
}

/** The first entry that differs between the two copies as `Object.is` sees it (−0 from 0 too), or −1: with no call per entry. */
function firstChange(before: Float64Array, after: Float64Array): number {
  for (let i = 0; i < before.length; i++) {
    const a = before[i] as number;
    const b = after[i] as number;
    // Equal numbers differ only as 0 and −0; unequal ones are the same only as two NaNs.
    if (a === b ? a === 0 && 1 / a !== 1 / b : a === a || b === b) return i;
  }
  return -1;
}

/** A view of x or y when they hold only numbers, in a matrix or array; a bare number cannot be changed by a call. */
function viewOrNothing(name: string, value: unknown): NumericView | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  let view: NumericView;
  try {
    view = numericView(name, value);
  } catch (error) {
    if (error instanceof GradcheckError) return undefined;
    throw error;
  }
  // Only arrays (or tensor-likes over them) may hold something other than numbers.
  if (view.kind === 'matrix' || view.kind === 'float64array' || view.kind === 'float32array') return view;
  for (let k = 0; k < view.size; k++) if (typeof view.get(k) !== 'number') return undefined;
  return view;
}
