import { AbstractMatrix } from 'ml-matrix';
import { GradcheckError } from '../gradcheck-error.js';
import { entryIndex, entryLabel } from '../layout/entry-index.js';

/** How a parameter or gradient keeps its numbers; `roll` gives each kind back as it came. */
export type NumericKind = 'matrix' | 'rows' | 'vector' | 'float64array' | 'float32array' | 'scalar';

/**
 * Row-major access to the numbers of one value, in the value's own storage (no copy):
 * `set` writes through to the user's matrix or array.
 */
export interface NumericView {
  readonly kind: NumericKind;
  readonly shape: readonly number[];
  readonly size: number;
  get(k: number): number;
  set(k: number, value: number): void;
}

const EXPECTED_KINDS = 'an ml-matrix Matrix, number[][], number[], Float64Array, Float32Array or number';

/** A view of `value`'s numbers, or a `GradcheckError` naming `name` and what is wrong. */
export function numericView(name: string, value: unknown): NumericView {
  if (typeof value === 'number') return scalarView(value);
  const view = AbstractMatrix.isMatrix(value)
    ? matrixView(value)
    : value instanceof Float64Array || value instanceof Float32Array
      ? vectorView(value)
      : undefined;
  if (view && view.size === 0) {
    throw new GradcheckError(`${name} has no entries (shape ${view.shape.join('×')}); expected at least one.`);
  }
  if (view) return view;
  if (Array.isArray(value)) {
    if (value.length === 0) throw new GradcheckError(`${name} is an empty array; expected at least one entry.`);
    return value.every((row) => typeof row !== 'number' && isArrayLike(row))
      ? rowsView(name, value as ArrayLike<number>[])
      : vectorView(value as number[]);
  }
  throw new GradcheckError(`${name} is ${describeValue(value)}; expected ${EXPECTED_KINDS}.`);
}

/** Throws unless every entry of `view` is a finite number, naming the first that is not. */
export function assertFinite(name: string, view: NumericView): void {
  for (let k = 0; k < view.size; k++) {
    const v = view.get(k);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      const label = entryLabel(name, entryIndex(view.shape, k));
      throw new GradcheckError(`${label} is ${describeValue(v)}; every entry must be a finite number.`);
    }
  }
}

/** A short, human description of any value, for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object') {
    const constructorName = (value as object).constructor?.name;
    return constructorName && constructorName !== 'Object' ? `a ${constructorName}` : 'an object';
  }
  return `a ${typeof value}`;
}

/** What a thrown value says: an Error's message, a string, or a description of anything else (even with no string form). */
export function thrownMessage(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  try {
    return String(thrown);
  } catch {
    return describeValue(thrown);
  }
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

function scalarView(value: number): NumericView {
  return {
    kind: 'scalar',
    shape: [],
    size: 1,
    get: () => value,
    set: () => {
      throw new GradcheckError('A bare number cannot be written in place.');
    },
  };
}

function matrixView(matrix: AbstractMatrix): NumericView {
  const { rows, columns } = matrix;
  const shape = [rows, columns];
  const size = rows * columns;
  // A real ml-matrix `Matrix` keeps one Float64Array per row: index it directly, ~2× faster than get/set.
  const data = rowArraysOf(matrix);
  if (data) {
    return {
      kind: 'matrix',
      shape,
      size,
      get: (k) => (data[Math.floor(k / columns)] as Float64Array)[k % columns] as number,
      set: (k, v) => {
        (data[Math.floor(k / columns)] as Float64Array)[k % columns] = v;
      },
    };
  }
  return {
    kind: 'matrix',
    shape,
    size,
    get: (k) => matrix.get(Math.floor(k / columns), k % columns),
    set: (k, v) => {
      matrix.set(Math.floor(k / columns), k % columns, v);
    },
  };
}

/** The row arrays of an ml-matrix `Matrix` (its `data`, not in its typings), or undefined for other matrices. */
function rowArraysOf(matrix: AbstractMatrix): Float64Array[] | undefined {
  const data = (matrix as unknown as { data?: unknown }).data;
  if (!Array.isArray(data) || data.length !== matrix.rows) return undefined;
  for (const row of data) if (!(row instanceof Float64Array) || row.length !== matrix.columns) return undefined;
  return data as Float64Array[];
}

function vectorView(array: number[] | Float64Array | Float32Array): NumericView {
  const kind = array instanceof Float64Array ? 'float64array' : array instanceof Float32Array ? 'float32array' : 'vector';
  return {
    kind,
    shape: [array.length],
    size: array.length,
    get: (k) => array[k] as number,
    set: (k, v) => {
      array[k] = v;
    },
  };
}

function rowsView(name: string, rows: ArrayLike<number>[]): NumericView {
  const columns = (rows[0] as ArrayLike<number>).length;
  rows.forEach((row, i) => {
    if (row.length !== columns) {
      throw new GradcheckError(
        `${name} is a ragged array: row 0 has ${columns} entries but row ${i} has ${row.length}; every row must have the same length.`,
      );
    }
  });
  if (columns === 0) throw new GradcheckError(`${name} has rows with no entries; expected at least one column.`);
  return {
    kind: 'rows',
    shape: [rows.length, columns],
    size: rows.length * columns,
    get: (k) => (rows[Math.floor(k / columns)] as ArrayLike<number>)[k % columns] as number,
    set: (k, v) => {
      (rows[Math.floor(k / columns)] as { [i: number]: number })[k % columns] = v;
    },
  };
}
