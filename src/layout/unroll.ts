import { Matrix } from 'ml-matrix';
import { GradcheckError } from '../gradcheck-error.js';
import { valuesOf } from '../parameters/numeric-view.js';
import { parameterSet } from '../parameters/parameter-set.js';
import type { ParameterValue, Params } from '../types.js';
import { type FlatLayout, flatLayout, type LayoutEntry } from './flat-layout.js';

/** Named parameters as one flat vector, and the layout that `roll` needs to give them back. */
export interface Unrolled {
  readonly vector: Float64Array;
  readonly layout: FlatLayout;
}

/**
 * Concatenates every parameter, row-major, into one `Float64Array` (the notebook's
 * `dictionary_to_vector`), for any shapes. The parameters are read, never changed.
 */
export function unroll(params: Params): Unrolled {
  const set = parameterSet(params);
  // The layout's offsets follow the slots one after another, as valuesOf lays them out.
  return { vector: valuesOf(...set.slots), layout: flatLayout(set) };
}

/**
 * The parameters back from a flat vector, each of the kind it was unrolled from.
 * Matrices, Float64Arrays and tensor-likes over a Float64Array or number[] are views on `vector`
 * (no copy: writing to one writes to the other; a tensor-like comes back as `{ data, shape }` with
 * row-major Float64Array data); number arrays and anything stored in float32 are copies.
 */
export function roll(vector: ArrayLike<number>, layout: FlatLayout): Params {
  if (vector.length !== layout.size) {
    throw new GradcheckError(`roll: the vector has ${vector.length} entries but the layout needs ${layout.size}.`);
  }
  const flat = vector instanceof Float64Array ? vector : Float64Array.from(vector);
  if (layout.bare) return flat[0] as number;
  return Object.fromEntries(layout.entries.map((entry) => [entry.name, rollEntry(flat, entry)]));
}

function rollEntry(flat: Float64Array, { kind, float32, shape, offset, size }: LayoutEntry): ParameterValue {
  const values = flat.subarray(offset, offset + size);
  const [rows = 1, columns = size] = shape;
  const rowOf = (i: number) => values.subarray(i * columns, (i + 1) * columns);
  switch (kind) {
    case 'matrix': {
      // A Matrix whose rows alias the vector: ml-matrix keeps one Float64Array per row.
      const matrix = new Matrix(rows, 0);
      const data = (matrix as unknown as { data: Float64Array[] }).data;
      for (let i = 0; i < rows; i++) data[i] = rowOf(i);
      (matrix as { columns: number }).columns = columns;
      return matrix;
    }
    case 'rows':
      return float32
        ? Array.from({ length: rows }, (_, i) => Float32Array.from(rowOf(i)))
        : Array.from({ length: rows }, (_, i) => Array.from(rowOf(i)));
    case 'vector':
      return Array.from(values);
    case 'float64array':
      return values;
    case 'float32array':
      return Float32Array.from(values);
    case 'tensor':
      return { data: float32 ? Float32Array.from(values) : values, shape: [...shape] };
    case 'scalar':
      return values[0] as number;
  }
}
