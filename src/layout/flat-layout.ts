import type { NumericKind } from '../parameters/numeric-view.js';
import type { ParameterSet } from '../parameters/parameter-set.js';
import { entryIndex, entryLabel } from './entry-index.js';

/** Where one parameter's entries sit in the unrolled vector. */
export interface LayoutEntry {
  readonly name: string;
  readonly kind: NumericKind;
  readonly float32: boolean;
  readonly shape: readonly number[];
  readonly offset: number;
  readonly size: number;
}

/** How named parameters map onto one flat vector, row-major, in the order they were given. */
export interface FlatLayout {
  readonly entries: readonly LayoutEntry[];
  readonly size: number;
  /** The parameter name of each flat entry, like the notebook's `keys_`. */
  readonly keys: readonly string[];
  /** Each flat entry as a person names it: `W2[1,3]`. */
  readonly labels: readonly string[];
  /** True when the parameters were one bare number; `roll` then gives a number back. */
  readonly bare: boolean;
}

export function flatLayout(set: ParameterSet): FlatLayout {
  let offset = 0;
  const entries = set.slots.map(({ name, kind, float32, shape, size }) => {
    const entry = { name, kind, float32, shape, offset, size };
    offset += size;
    return entry;
  });
  const keys = entries.flatMap((e) => Array.from({ length: e.size }, () => e.name));
  const labels = entries.flatMap((e) => Array.from({ length: e.size }, (_, k) => entryLabel(e.name, entryIndex(e.shape, k))));
  return { entries, size: offset, keys, labels, bare: set.bare };
}
