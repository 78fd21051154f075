import { AbstractMatrix } from 'ml-matrix';
import { GradcheckError } from '../gradcheck-error.js';
import { entryIndex, entryLabel } from '../layout/entry-index.js';
import { newFloat64Array } from './slab.js';
import { isTensorLike, tensorLikeView } from './tensor-like.js';

/** How a parameter or gradient keeps its numbers; `roll` gives each kind back as it came. */
export type NumericKind = 'matrix' | 'rows' | 'vector' | 'float64array' | 'float32array' | 'tensor' | 'scalar';

/**
 * Row-major access to the numbers of one value, in the value's own storage (no copy):
 * `set` writes through to the user's matrix or array.
 */
export interface NumericView {
  /** What messages call the value: a parameter's name, a gradient's key, `x`. */
  readonly name: string;
  readonly kind: NumericKind;
  /** True when the numbers are stored in float32 (a Float32Array, rows of them, a tensor-like over one): they get float32's step. */
  readonly float32: boolean;
  readonly shape: readonly number[];
  readonly size: number;
  get(k: number): number;
  set(k: number, value: number): void;
  /**
   * Writes all the numbers, row-major, into `into` from `offset` on, in one go (typed storage is
   * copied natively, with no call per entry); an entry that is not a number is written as NaN.
   */
  read(into: Float64Array, offset: number): void;
  /**
   * The storage itself, when it is plain arrays: the perturbation loop reads and writes entries
   * there with no call per access. Unset when entries are reached only through get and set (a
   * number in a record, strided data, a matrix class other than ml-matrix's `Matrix`).
   */
  readonly storage?: RowStorage;
}

/** Storage in rows of `columns` entries: entry k is rows[⌊k / columns⌋][k mod columns]. */
export interface RowStorage {
  readonly rows: readonly { [i: number]: number }[];
  readonly columns: number;
}

const EXPECTED_KINDS = 'an ml-matrix Matrix, number[][], number[], Float64Array, Float32Array, a tensor-like { data, shape } or number';

/** A view of `value`'s numbers, or a `GradcheckError` naming `name` and what is wrong. */
export function numericView(name: string, value: unknown): NumericView {
  if (typeof value === 'number') return scalarView(name, value);
  const view = AbstractMatrix.isMatrix(value)
    ? matrixView(name, value)
    : value instanceof Float64Array || value instanceof Float32Array
      ? vectorView(name, value)
      : isTensorLike(value)
        ? tensorLikeView(name, value)
        : undefined;
  if (view && view.size === 0) {
    throw new GradcheckError(`${name} has no entries (shape ${view.shape.join('×')}); expected at least one.`);
  }
  if (view) return view;
  if (Array.isArray(value)) {
    if (value.length === 0) throw new GradcheckError(`${name} is an empty array; expected at least one entry.`);
    return value.every((row) => typeof row !== 'number' && isArrayLike(row))
      ? rowsView(name, value as ArrayLike<number>[])
      : vectorView(name, value as number[]);
  }
  throw new GradcheckError(`${name} is ${describeValue(value)}; expected ${EXPECTED_KINDS}.`);
}

/** A copy of `view`'s numbers, or a `GradcheckError` naming the first entry that is not a finite number. */
export function finiteValues(name: string, view: NumericView): Float64Array {
  const values = newFloat64Array(view.size);
  assertFinite(name, view, values);
  return values;
}

/**
 * Throws a `GradcheckError` naming the first entry of `view` that is not a finite number. The
 * numbers are read into `scratch` (at least view.size long; one may serve many views).
 */
export function assertFinite(name: string, view: NumericView, scratch: Float64Array): void {
  view.read(scratch, 0);
  for (let k = 0; k < view.size; k++) {
    const v = scratch[k] as number;
    // v − v is 0 for a finite number only (NaN and ±Infinity give NaN): Number.isFinite without a call per entry.
    if (v - v === 0) continue;
    const label = entryLabel(name, entryIndex(view.shape, k));
    throw new GradcheckError(`${label} is ${describeValue(view.get(k))}; every entry must be a finite number.`);
  }
}

/** A copy of the views' numbers, one view after another, in one new Float64Array (see `NumericView.read`). */
export function valuesOf(...views: readonly NumericView[]): Float64Array {
  const values = newFloat64Array(views.reduce((n, view) => n + view.size, 0));
  let offset = 0;
  for (const view of views) {
    view.read(values, offset);
    offset += view.size;
  }
  return values;
}

/** `read` for storage with no faster copy: entries 0 … size − 1 one by one through `get`, a non-number as NaN. */
export function readEach(get: (k: number) => unknown, size: number, into: Float64Array, offset: number): void {
  for (let k = 0; k < size; k++) {
    const v = get(k);
    into[offset + k] = typeof v === 'number' ? v : Number.NaN;
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

function isFloatArray(value: unknown): value is Float64Array | Float32Array {
  return value instanceof Float64Array || value instanceof Float32Array;
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

function scalarView(name: string, value: number): NumericView {
  return {
    name,
    kind: 'scalar',
    float32: false,
    shape: [],
    size: 1,
    get: () => value,
    set: () => {
      throw new GradcheckError('A bare number cannot be written in place.');
    },
    read: (into, offset) => {
      into[offset] = value;
    },
  };
}

function matrixView(name: string, matrix: AbstractMatrix): NumericView {
  const { rows, columns } = matrix;
  const shape = [rows, columns];
  const size = rows * columns;
  // A real ml-matrix `Matrix` keeps one Float64Array per row: index it directly, ~2× faster than get/set.
  const data = rowArraysOf(matrix);
  if (data) {
    return {
      name,
      kind: 'matrix',
      float32: false,
      shape,
      size,
      // (k / columns) | 0 is the row without a call (k < 2³¹: no matrix holds more entries).
      get: (k) => (data[(k / columns) | 0] as Float64Array)[k % columns] as number,
      set: (k, v) => {
        (data[(k / columns) | 0] as Float64Array)[k % columns] = v;
      },
      read: (into, offset) => copyRows(data, columns, into, offset),
      storage: { rows: data, columns },
    };
  }
  const get = (k: number) => matrix.get(Math.floor(k / columns), k % columns);
  return {
    name,
    kind: 'matrix',
    float32: false,
    shape,
    size,
    get,
    set: (k, v) => {
      matrix.set(Math.floor(k / columns), k % columns, v);
    },
    read: (into, offset) => readEach(get, size, into, offset),
  };
}

/** The row arrays of an ml-matrix `Matrix` (its `data`, not in its typings), or undefined for other matrices. */
function rowArraysOf(matrix: AbstractMatrix): Float64Array[] | undefined {
  const data = (matrix as unknown as { data?: unknown }).data;
  if (!Array.isArray(data) || data.length !== matrix.rows) return undefined;
  for (const row of data) if (!(row instanceof Float64Array) || row.length !== matrix.columns) return undefined;
  return data as Float64Array[];
}

function vectorView(name: string, array: number[] | Float64Array | Float32Array): NumericView {
  const kind = array instanceof Float64Array ? 'float64array' : array instanceof Float32Array ? 'float32array' : 'vector';
  return {
    name,
    kind,
    float32: array instanceof Float32Array,
    shape: [array.length],
    size: array.length,
    get: (k) => array[k] as number,
    set: (k, v) => {
      array[k] = v;
    },
    // A typed array converts natively; a number[] may hold non-numbers, which must read as NaN, not as Number(v).
    read: (into, offset) => (Array.isArray(array) ? readEach((k) => array[k], array.length, into, offset) : into.set(array, offset)),
    storage: { rows: [array], columns: array.length },
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
  const get = (k: number) => (rows[(k / columns) | 0] as ArrayLike<number>)[k % columns] as number;
  return {
    name,
    kind: 'rows',
    float32: rows.every((row) => row instanceof Float32Array),
    shape: [rows.length, columns],
    size: rows.length * columns,
    get,
    set: (k, v) => {
      (rows[(k / columns) | 0] as { [i: number]: number })[k % columns] = v;
    },
    read: (into, offset) =>
      rows.every(isFloatArray) ? copyRows(rows as Float64Array[], columns, into, offset) : readEach(get, rows.length * columns, into, offset),
    storage: { rows: rows as { [i: number]: number }[], columns },
  };
}

/** 32: a row this short is copied faster entry by entry than by `set`, whose call costs ~200 instructions (a bias's rows have one entry). */
const SHORT_ROW = 32;

/** Typed rows of equal length, one after another into `into` from `offset` (long rows copied natively). */
function copyRows(rows: readonly (Float64Array | Float32Array)[], columns: number, into: Float64Array, offset: number): void {
  for (let r = 0, at = offset; r < rows.length; r++, at += columns) {
    const row = rows[r] as Float64Array;
    if (columns > SHORT_ROW) into.set(row, at);
    else for (let j = 0; j < columns; j++) into[at + j] = row[j] as number;
  }
}
