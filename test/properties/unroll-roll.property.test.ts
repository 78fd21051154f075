import { Matrix } from 'ml-matrix';
import { describe, expect } from 'vitest';
import { type FlatLayout, type NumericKind, roll, unroll } from '../../src/index.js';
import { isTensorLike } from '../../src/parameters/tensor-like.js';
import { bitsOf } from './fingerprint.js';
import { fc, property } from './property.js';

/** Finite doubles, with -0, subnormals, tiny and huge magnitudes well represented. */
const finiteDouble = fc.oneof(
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 4 },
  { arbitrary: fc.constantFrom(-0, 0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** -1074 * 3, 1e-310, -1e308, Number.EPSILON, 1 + Number.EPSILON), weight: 1 },
  { arbitrary: fc.double({ min: -2, max: 2, noNaN: true }), weight: 2 },
);
/** Doubles a Float32Array holds exactly: fc.float gives float32 values (−0 and float32 subnormals included). */
const float32Value = fc.float({ noNaN: true, noDefaultInfinity: true }).map(Math.fround);

const dimension = fc.integer({ min: 1, max: 6 });
const length = fc.integer({ min: 1, max: 36 });

type Value = Matrix | number[][] | number[] | Float64Array | Float32Array | number;

const grid = (values: fc.Arbitrary<number>) =>
  fc.tuple(dimension, dimension).chain(([r, c]) => fc.array(fc.array(values, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

/** One parameter of a random kind and shape. */
const parameter: fc.Arbitrary<{ kind: NumericKind; value: Value }> = fc.oneof(
  grid(finiteDouble).map((rows) => ({ kind: 'matrix' as const, value: new Matrix(rows) })),
  grid(finiteDouble).map((rows) => ({ kind: 'rows' as const, value: rows })),
  length.chain((n) => fc.array(finiteDouble, { minLength: n, maxLength: n })).map((v) => ({ kind: 'vector' as const, value: v })),
  length.chain((n) => fc.array(finiteDouble, { minLength: n, maxLength: n })).map((v) => ({ kind: 'float64array' as const, value: Float64Array.from(v) })),
  length.chain((n) => fc.array(float32Value, { minLength: n, maxLength: n })).map((v) => ({ kind: 'float32array' as const, value: Float32Array.from(v) })),
  finiteDouble.map((v) => ({ kind: 'scalar' as const, value: v })),
);

/** Names as people write them, and a few that stress a record: integer-like keys (which objects order first), prototype names, odd strings. */
const name = fc.oneof(
  { arbitrary: fc.constantFrom('W1', 'b1', 'W2', 'b2', 'W3', 'b3', 'theta', 'gamma', 'beta', 'dW1', 'x'), weight: 4 },
  { arbitrary: fc.constantFrom('0', '1', '42', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '', ' ', 'W[0,1]', 'π'), weight: 1 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 4 }), weight: 1 },
);

const record = fc.uniqueArray(fc.tuple(name, parameter), { minLength: 1, maxLength: 6, selector: ([n]) => n });

/** A record built with own, enumerable, writable properties (also for `__proto__`). */
function toRecord(entries: readonly [string, { value: Value }][]): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, { value }] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The shape and row-major numbers of a value, read through its own kind. */
function read(value: Value): { kind: NumericKind; shape: number[]; numbers: number[] } {
  if (typeof value === 'number') return { kind: 'scalar', shape: [], numbers: [value] };
  if (value instanceof Matrix) {
    const numbers: number[] = [];
    for (let i = 0; i < value.rows; i++) for (let j = 0; j < value.columns; j++) numbers.push(value.get(i, j));
    return { kind: 'matrix', shape: [value.rows, value.columns], numbers };
  }
  if (value instanceof Float64Array) return { kind: 'float64array', shape: [value.length], numbers: Array.from(value) };
  if (value instanceof Float32Array) return { kind: 'float32array', shape: [value.length], numbers: Array.from(value) };
  if (value.every((row) => Array.isArray(row))) {
    const rows = value as number[][];
    return { kind: 'rows', shape: [rows.length, (rows[0] as number[]).length], numbers: rows.flat() };
  }
  return { kind: 'vector', shape: [value.length], numbers: [...(value as number[])] };
}

/** Every value of a record, in key order, with its kind and bits, as comparable data (−0 kept apart from 0). */
function layoutOf(params: Record<string, Value>) {
  return Object.keys(params).map((key) => {
    const { kind, shape, numbers } = read(params[key] as Value);
    return { key, kind, shape, bits: numbers.map(bitsOf) };
  });
}

/** The class a rolled value must have for each kind. */
function isOfKind(kind: NumericKind, value: unknown): boolean {
  switch (kind) {
    case 'matrix':
      return value instanceof Matrix;
    case 'rows':
      return Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every((v) => typeof v === 'number'));
    case 'vector':
      return Array.isArray(value) && value.every((v) => typeof v === 'number');
    case 'float64array':
      return value instanceof Float64Array;
    case 'float32array':
      return value instanceof Float32Array;
    case 'tensor':
      return isTensorLike(value);
    case 'scalar':
      return typeof value === 'number';
  }
}

function expectLayout(layout: FlatLayout, expected: ReturnType<typeof layoutOf>): void {
  let offset = 0;
  const entries = expected.map(({ key, kind, shape, bits }) => {
    const entry = { name: key, kind, shape, offset, size: bits.length };
    offset += bits.length;
    return entry;
  });
  expect(layout.entries.map((e) => ({ name: e.name, kind: e.kind, shape: [...e.shape], offset: e.offset, size: e.size }))).toEqual(entries);
  expect(layout.size).toBe(offset);
  expect(layout.bare).toBe(false);
  expect(layout.keys).toEqual(expected.flatMap(({ key, bits }) => bits.map(() => key)));
  expect(layout.labels).toEqual(
    expected.flatMap(({ key, shape, bits }) =>
      bits.map((_, k) =>
        shape.length === 2 ? `${key}[${Math.floor(k / (shape[1] as number))},${k % (shape[1] as number)}]` : shape.length === 1 ? `${key}[${k}]` : key,
      ),
    ),
  );
}

describe('unroll / roll', () => {
  property(
    'round-trips any record of parameter kinds bit for bit, row-major in record order, leaving the originals untouched',
    [record],
    (entries) => {
      const params = toRecord(entries);
      const before = layoutOf(params);
      const { vector, layout } = unroll(params);

      // The originals are unchanged, and the vector is their numbers, row-major, in key order.
      expect(layoutOf(params)).toEqual(before);
      expect(vector).toBeInstanceOf(Float64Array);
      expect(Array.from(vector, bitsOf)).toEqual(before.flatMap((p) => p.bits));
      expectLayout(layout, before);

      // Rolled back: the same keys in the same order, each of its kind, every bit the same.
      const back = roll(vector, layout);
      expect(typeof back).toBe('object');
      const rolled = back as Record<string, Value>;
      expect(Object.keys(rolled)).toEqual(Object.keys(params));
      for (const { key, kind } of before) expect(isOfKind(kind, rolled[key]), `${key} is a ${kind}`).toBe(true);
      expect(layoutOf(rolled)).toEqual(before);

      // From a plain array too; and writing to the vector (which rolled Matrices view) never reaches the originals.
      expect(layoutOf(roll(Array.from(vector), layout) as Record<string, Value>)).toEqual(before);
      vector.fill(7);
      expect(layoutOf(params)).toEqual(before);
    },
    { numRuns: 500 },
  );

  property('round-trips one bare number bit for bit', [finiteDouble], (theta) => {
    const { vector, layout } = unroll(theta);
    expect(Array.from(vector, bitsOf)).toEqual([bitsOf(theta)]);
    expect(layout.bare).toBe(true);
    expect(layout.size).toBe(1);
    const back = roll(vector, layout);
    expect(typeof back).toBe('number');
    expect(bitsOf(back as number)).toBe(bitsOf(theta));
  }, { numRuns: 200 });
});
