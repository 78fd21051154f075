/**
 * Random malformed calls to `checkGradients`, shared by malformed-inputs and matcher-errors.
 * Each case is a usable base (random parameters of every kind, their cost ½ Σ θ² and its exact
 * gradient θ) with exactly one thing made unusable. `make()` builds fresh objects every time, so a
 * case replays identically while fast-check shrinks.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';

type Kind = 'matrix' | 'rows' | 'vector' | 'float64array' | 'float32array' | 'scalar';

interface ParameterSpec {
  readonly name: string;
  readonly kind: Kind;
  /** [rows, columns] for matrices and number[][], [length] for vectors, [] for a number. */
  readonly shape: readonly number[];
  readonly numbers: readonly number[];
}

/** A usable base: one bare number, or a record of 1–3 named parameters. */
type BaseSpec = { readonly bare: number } | { readonly record: readonly ParameterSpec[] };

/** One call as the user would make it: `checkGradients(received, forward, params, x, y, options)`. */
export interface MalformedCall {
  readonly received: unknown;
  readonly forward: unknown;
  readonly params: unknown;
  readonly x: unknown;
  readonly y: unknown;
  readonly options: unknown;
  /** Words the error message must contain (case-insensitive): what it names. */
  readonly mentions: readonly string[];
  /** True when the params themselves were usable: they must then be bit-identical afterwards. */
  readonly usable: boolean;
}

export interface MalformedCase {
  readonly label: string;
  make(): MalformedCall;
}

// ---------------------------------------------------------------------------------------------
// The usable base

const NAMES = ['W1', 'b1', 'W2', 'b2', 'gamma', 'theta1'] as const;
const KINDS: readonly Kind[] = ['matrix', 'rows', 'vector', 'float64array', 'float32array', 'scalar'];
const dimension = fc.integer({ min: 1, max: 6 });
const value = fc.oneof({ arbitrary: fc.double({ min: -2, max: 2, noNaN: true }), weight: 9 }, { arbitrary: fc.constant(-0), weight: 1 });

const parameterSpec = (name: string): fc.Arbitrary<ParameterSpec> =>
  fc
    .tuple(fc.constantFrom(...KINDS), fc.oneof(fc.tuple(dimension, dimension), fc.tuple(dimension, fc.constant(1))))
    .chain(([kind, [r, c]]) => {
      const shape = kind === 'matrix' || kind === 'rows' ? [r, c] : kind === 'scalar' ? [] : [r * c];
      const size = shape.reduce((n, d) => n * d, 1);
      return fc
        .array(value, { minLength: size, maxLength: size })
        .map((numbers) => ({ name, kind, shape, numbers: kind === 'float32array' ? numbers.map(Math.fround) : numbers }));
    });

const recordSpec: fc.Arbitrary<readonly ParameterSpec[]> = fc
  .shuffledSubarray([...NAMES], { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map(parameterSpec)));

const baseSpec: fc.Arbitrary<BaseSpec> = fc.oneof(
  { arbitrary: recordSpec.map((record) => ({ record })), weight: 4 },
  { arbitrary: value.map((bare) => ({ bare })), weight: 1 },
);

/** A fresh value of `kind` and `shape` holding `numbers`, row-major. */
function build(kind: Kind, shape: readonly number[], numbers: readonly number[]): unknown {
  const [rows = 1, columns = 1] = shape;
  const grid = () => Array.from({ length: rows }, (_, i) => numbers.slice(i * columns, (i + 1) * columns));
  switch (kind) {
    case 'matrix':
      return new Matrix(grid());
    case 'rows':
      return grid();
    case 'vector':
      return [...numbers];
    case 'float64array':
      return Float64Array.from(numbers);
    case 'float32array':
      return Float32Array.from(numbers);
    case 'scalar':
      return numbers[0] as number;
  }
}

const buildRecord = (record: readonly ParameterSpec[]) => Object.fromEntries(record.map((p) => [p.name, build(p.kind, p.shape, p.numbers)]));

/** ½ Σ θ² over whatever numbers `params` holds (and 0 where it holds none): a cost for any params. */
export function halfSquares(params: unknown): number {
  let sum = 0;
  const visit = (v: unknown, depth: number): void => {
    if (depth > 3) return;
    if (typeof v === 'number') sum += Number.isFinite(v) ? 0.5 * v * v : 0;
    else if (v instanceof Matrix) for (const row of v.to2DArray()) visit(row, depth + 1);
    else if (Array.isArray(v) || v instanceof Float64Array || v instanceof Float32Array) for (const e of Array.from(v)) visit(e, depth + 1);
    else if (v !== null && typeof v === 'object') for (const e of Object.values(v)) visit(e, depth + 1);
  };
  try {
    visit(params, 0);
  } catch {
    return 0;
  }
  return sum;
}

/** The exact gradient of ½ Σ θ², θ itself, keyed by name or by d + name. */
function exactGradients(base: BaseSpec, dPrefix: boolean): unknown {
  if ('bare' in base) return base.bare;
  return Object.fromEntries(base.record.map((p) => [dPrefix ? `d${p.name}` : p.name, build(p.kind, p.shape, p.numbers)]));
}

/** How many entries the base has: a check of a usable call makes at least 2 × this + 1 forward calls. */
const entriesOf = (base: BaseSpec): number => ('bare' in base ? 1 : base.record.reduce((n, p) => n + p.numbers.length, 0));

const buildParams = (base: BaseSpec): unknown => ('bare' in base ? base.bare : buildRecord(base.record));

function describeBase(base: BaseSpec): string {
  if ('bare' in base) return `params = ${base.bare}`;
  return `params { ${base.record.map((p) => `${p.name}: ${p.kind} ${p.shape.join('×') || 'scalar'}`).join(', ')} }`;
}

/** A case over a usable base where `fault` replaces some of the call. */
function caseOf(
  label: string,
  base: BaseSpec,
  dPrefix: boolean,
  fault: () => Partial<MalformedCall> & Pick<MalformedCall, 'mentions'>,
  context = describeBase(base),
): MalformedCase {
  const text = `${label} — ${context}${dPrefix ? ', gradients keyed d + name' : ''}`;
  return {
    label: text,
    make: () => ({
      received: exactGradients(base, dPrefix),
      forward: halfSquares,
      params: buildParams(base),
      x: undefined,
      y: undefined,
      options: undefined,
      usable: true,
      ...fault(),
    }),
    [fc.toStringMethod]: () => text,
  } as MalformedCase;
}

/** Labelled factories: each call gives a fresh value. */
type Factory = readonly [label: string, make: () => unknown];
const pick = (factories: readonly Factory[]) => fc.constantFrom(...factories);

// ---------------------------------------------------------------------------------------------
// forward

const NOT_FUNCTIONS: readonly Factory[] = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['a number', () => 1],
  ['a string', () => 'forward'],
  ['an object', () => ({ cost: 1 })],
  ['an array', () => [1, 'cache']],
  ['a Matrix', () => new Matrix([[1]])],
  ['true', () => true],
];

const BAD_RESULTS: readonly Factory[] = [
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['-Infinity', () => -Infinity],
  ['a string', () => '0.5'],
  ['the empty string', () => ''],
  ['undefined', () => undefined],
  ['null', () => null],
  ['true', () => true],
  ['a bigint', () => 1n],
  ['a symbol', () => Symbol('J')],
  ['a Number object', () => new Number(1)],
  ['an object without cost', () => ({ loss: 1 })],
  ['{ cost: NaN }', () => ({ cost: NaN })],
  ['{ cost: -Infinity }', () => ({ cost: -Infinity })],
  ['{ cost: "1" }', () => ({ cost: '1' })],
  ['{ cost: undefined }', () => ({ cost: undefined })],
  ['an empty array', () => []],
  ['[NaN, cache]', () => [NaN, 'cache']],
  ['[Infinity]', () => [Infinity]],
  ['["1", cache]', () => ['1', {}]],
  ['a resolved Promise', () => Promise.resolve(1)],
  ['a function', () => () => 1],
  ['a Matrix', () => new Matrix([[1]])],
  ['a Float64Array', () => Float64Array.of(1)],
];

/** Values a forward or gradient function may throw that have a string form. */
const THROWN: readonly Factory[] = [
  ['an Error', () => new Error('forward blew up')],
  ['a TypeError', () => new TypeError('x is undefined')],
  ['an Error with no message', () => new Error('')],
  ['a string', () => 'a thrown string'],
  ['a number', () => 42],
  ['undefined', () => undefined],
  ['null', () => null],
  ['a symbol', () => Symbol('thrown')],
  ['a plain object', () => ({ message: 'plain object' })],
  ['an array', () => [1, 2]],
];

/** Thrown values with no string form: String(value) itself throws. */
const UNPRINTABLE: readonly Factory[] = [
  ['Object.create(null)', () => Object.create(null)],
  ['an object whose toString throws', () => ({ toString: () => { throw new Error('no string form'); } })],
  ['an object whose Symbol.toPrimitive returns an object', () => ({ [Symbol.toPrimitive]: () => ({}) })],
];

/** forward not a function, returning an unusable cost (at once or after some good calls), or throwing. */
export const forwardCases: fc.Arbitrary<MalformedCase> = fc.oneof(
  fc.tuple(baseSpec, fc.boolean(), pick(NOT_FUNCTIONS)).map(([base, d, [what, make]]) =>
    caseOf(`forward is ${what}`, base, d, () => ({ forward: make(), mentions: ['forward'] })),
  ),
  fc.tuple(baseSpec, fc.boolean(), pick(BAD_RESULTS), fc.integer({ min: 0, max: 4 })).map(([base, d, [what, make], wanted]) => {
    // Never later than the last forward call a usable check is sure to make.
    const after = Math.min(wanted, 2 * entriesOf(base));
    return caseOf(`forward returns ${what} after ${after} good calls`, base, d, () => {
      let calls = 0;
      return { forward: (p: unknown) => (calls++ < after ? halfSquares(p) : make()), mentions: ['forward'] };
    });
  }),
  fc.tuple(baseSpec, fc.boolean(), pick(THROWN), fc.integer({ min: 0, max: 4 })).map(([base, d, [what, make], wanted]) => {
    const after = Math.min(wanted, 2 * entriesOf(base));
    return caseOf(`forward throws ${what} after ${after} good calls`, base, d, () => throwingForward(after, make));
  }),
);

/** A forward that computes the base cost `after` times, then throws what `make` gives. */
function throwingForward(after: number, make: () => unknown) {
  let calls = 0;
  return {
    forward: (p: unknown) => {
      if (calls++ < after) return halfSquares(p);
      throw make();
    },
    mentions: ['forward'],
  };
}

/** forward, or the gradient function, throwing a value that has no string form. */
export const unprintableThrowCases: fc.Arbitrary<MalformedCase> = fc
  .tuple(baseSpec, fc.boolean(), pick(UNPRINTABLE), fc.integer({ min: 0, max: 2 }), fc.boolean())
  .map(([base, d, [what, make], wanted, inGradient]) => {
    const after = Math.min(wanted, 2 * entriesOf(base));
    return inGradient
      ? caseOf(`the gradient function throws ${what}`, base, d, () => ({
          received: () => {
            throw make();
          },
          mentions: ['gradient'],
        }))
      : caseOf(`forward throws ${what} after ${after} good calls`, base, d, () => throwingForward(after, make));
  });

// ---------------------------------------------------------------------------------------------
// params

const NOT_RECORDS: readonly Factory[] = [
  ['an empty object', () => ({})],
  ['null', () => null],
  ['undefined', () => undefined],
  ['an empty array', () => []],
  ['an array of numbers', () => [1, 2]],
  ['an array of rows', () => [[1, 2]]],
  ['a string', () => 'W1'],
  ['the empty string', () => ''],
  ['true', () => true],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['-Infinity', () => -Infinity],
  ['a Float64Array', () => Float64Array.of(1, 2)],
  ['a Float32Array', () => Float32Array.of(1)],
  ['a function', () => () => 1],
  ['a symbol', () => Symbol('params')],
  ['a bigint', () => 1n],
  ['a Map', () => new Map([['W1', 1]])],
  ['a Date', () => new Date(0)],
];

/** Unusable parameter values, for one named entry of a record. */
const BAD_ENTRIES: readonly Factory[] = [
  ['a string', () => 'W'],
  ['the empty string', () => ''],
  ['a numeric string', () => '1.5'],
  ['null', () => null],
  ['undefined', () => undefined],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['-Infinity', () => -Infinity],
  ['true', () => true],
  ['a bigint', () => 3n],
  ['a symbol', () => Symbol('W')],
  ['an object', () => ({ value: 1 })],
  ['a function', () => () => 1],
  ['a Map', () => new Map()],
  ['an empty array', () => []],
  ['[[]]', () => [[]]],
  ['[[], []]', () => [[], []]],
  ['a ragged array [[1, 2], [3]]', () => [[1, 2], [3]]],
  ['a ragged array [[1], [2, 3]]', () => [[1], [2, 3]]],
  ['a ragged array with an empty row', () => [[1, 2], []]],
  ['an array holding a string', () => [1, '2']],
  ['an array holding NaN', () => [1, NaN]],
  ['an array holding Infinity', () => [Infinity, 1]],
  ['an array holding null', () => [null]],
  ['a sparse array', () => [1, , 3]],
  ['rows holding NaN', () => [[1, NaN]]],
  ['rows holding -Infinity', () => [[1], [-Infinity]]],
  ['rows holding a string', () => [['1', 2]]],
  ['an array of strings', () => ['ab', 'cd']],
  ['a number mixed with rows', () => [1, [2]]],
  ['three levels of arrays', () => [[[1]]]],
  ['an Int32Array', () => Int32Array.of(1, 2)],
  ['a Uint8Array', () => Uint8Array.of(1)],
  ['a Float64Array holding NaN', () => Float64Array.of(0, NaN)],
  ['a Float32Array holding Infinity', () => Float32Array.of(Infinity)],
  ['a Matrix holding NaN', () => new Matrix([[1, NaN]])],
  ['a Matrix holding -Infinity', () => new Matrix([[-Infinity], [1]])],
];

/** Empty parameters of the kinds that are not plain arrays (an empty number[] is already refused). */
const EMPTY_ENTRIES: readonly Factory[] = [
  ['an empty Float64Array', () => new Float64Array(0)],
  ['an empty Float32Array', () => new Float32Array(0)],
  ['a 0×0 Matrix', () => new Matrix(0, 0)],
  ['a 3×0 Matrix', () => new Matrix(3, 0)],
  ['a 0×2 Matrix', () => new Matrix(0, 2)],
];

/** Replaces the entry `target` of a record base with `make()`, in params and (the same value again) in the gradients. */
function replaceEntry(base: BaseSpec, target: number, d: boolean, label: string, make: () => unknown, usable: boolean): MalformedCase {
  const record = 'record' in base ? base.record : [{ name: 'W1', kind: 'scalar' as const, shape: [], numbers: [1] }];
  const name = (record[target % record.length] as ParameterSpec).name;
  const fixed: BaseSpec = { record };
  const others = record.filter((p) => p.name !== name);
  const context = others.length === 0 ? 'its only parameter' : `beside ${describeBase({ record: others })}`;
  return caseOf(
    `params.${name} is ${label} (and so is its gradient)`,
    fixed,
    d,
    () => {
      const params = buildRecord(record);
      const received = exactGradients(fixed, d) as Record<string, unknown>;
      params[name] = make();
      received[d ? `d${name}` : name] = make();
      return { params, received, mentions: [name], usable };
    },
    context,
  );
}

/** params not a record (nor one number), empty, or holding an unusable entry; a frozen record's number. */
export const paramsCases: fc.Arbitrary<MalformedCase> = fc.oneof(
  fc.tuple(baseSpec, fc.boolean(), pick(NOT_RECORDS)).map(([base, d, [what, make]]) =>
    caseOf(`params is ${what}`, base, d, () => ({ params: make(), usable: false, mentions: ['params'] })),
  ),
  fc.tuple(baseSpec, fc.nat(), fc.boolean(), pick(BAD_ENTRIES)).map(([base, target, d, [what, make]]) =>
    replaceEntry(base, target, d, what, make, false),
  ),
  fc.tuple(recordSpec, fc.boolean()).map(([record, d]) => {
    const name = (record[0] as ParameterSpec).name;
    return caseOf(`a frozen record whose ${name} is a number`, { record }, d, () => {
      const params = buildRecord(record);
      params[name] = 0.5;
      const received = exactGradients({ record }, d) as Record<string, unknown>;
      received[d ? `d${name}` : name] = 0.5;
      return { params: Object.freeze(params), received, usable: false, mentions: [name] };
    });
  }),
);

/** Parameters with no entries, of the kinds that are not plain arrays. */
export const emptyParameterCases: fc.Arbitrary<MalformedCase> = fc
  .tuple(baseSpec, fc.nat(), fc.boolean(), pick(EMPTY_ENTRIES))
  .map(([base, target, d, [what, make]]) => replaceEntry(base, target, d, what, make, false));

/** Parameters that cannot be written in place: a frozen number[], or a number[][] with a frozen row. */
export const frozenParameterCases: fc.Arbitrary<MalformedCase> = fc
  .tuple(recordSpec, fc.nat(), fc.boolean(), fc.constantFrom('a frozen number[]', 'a number[][] with a frozen row', 'a deep-frozen number[][]'))
  .map(([record, target, d, what]) => {
    const name = (record[target % record.length] as ParameterSpec).name;
    const others = record.filter((p) => p.name !== name);
    const context = others.length === 0 ? 'its only parameter' : `beside ${describeBase({ record: others })}`;
    return caseOf(`params.${name} is ${what} (its gradient a plain copy)`, { record }, d, () => {
      const params = buildRecord(record);
      const received = exactGradients({ record }, d) as Record<string, unknown>;
      const frozen =
        what === 'a frozen number[]'
          ? Object.freeze([0.25, -1.5])
          : what === 'a number[][] with a frozen row'
            ? [[0.25, -1.5], Object.freeze([2, 0.5])]
            : Object.freeze([Object.freeze([0.25]), Object.freeze([-1.5])]);
      params[name] = frozen;
      received[d ? `d${name}` : name] = what === 'a frozen number[]' ? [0.25, -1.5] : what === 'a deep-frozen number[][]' ? [[0.25], [-1.5]] : [[0.25, -1.5], [2, 0.5]];
      return { params, received, usable: false, mentions: [name] };
    }, context);
  });

/** One ml-matrix Matrix passed as params, not inside a record (the matcher's params must be a record or one number). */
export const matrixAsParamsCases: fc.Arbitrary<MalformedCase> = fc
  .tuple(dimension, dimension, fc.constantFrom('the same Matrix shape', '{ dW }', 'a gradient function'))
  .map(([rows, columns, gradientForm]) => {
    const text = `params is a ${rows}×${columns} Matrix, not a record; gradients as ${gradientForm}`;
    return {
      label: text,
      make: () => {
        const W = Matrix.rand(rows, columns, { random: () => 0.25 });
        const gradient = Matrix.mul(W, 1);
        const received = gradientForm === 'the same Matrix shape' ? gradient : gradientForm === '{ dW }' ? { dW: gradient } : () => gradient;
        return { received, forward: halfSquares, params: W, x: undefined, y: undefined, options: undefined, usable: false, mentions: ['params'] };
      },
      [fc.toStringMethod]: () => text,
    } as MalformedCase;
  });

// ---------------------------------------------------------------------------------------------
// gradients

const NOT_GRADIENT_RECORDS: readonly Factory[] = [
  ['null', () => null],
  ['undefined', () => undefined],
  ['a string', () => 'dW1'],
  ['true', () => true],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['a number', () => 1.5],
  ['an empty array', () => []],
  ['an array of numbers', () => [1, 2]],
  ['a symbol', () => Symbol('g')],
  ['a function returning a number', () => () => 1.5],
  ['a function returning null', () => () => null],
  ['a function returning undefined', () => () => undefined],
  ['a function returning NaN', () => () => NaN],
  ['a function returning a string', () => () => 'g'],
  ['a function returning an array', () => () => [1]],
  ['a function returning a resolved Promise', () => () => Promise.resolve({})],
  ...THROWN.map(([what, make]): Factory => [`a function throwing ${what}`, () => () => {
    throw make();
  }]),
];

/** What a gradient is replaced by when it is not numbers at all. */
const BAD_GRADIENT_VALUES: readonly Factory[] = [
  ['null', () => null],
  ['undefined', () => undefined],
  ['a string', () => '1'],
  ['true', () => true],
  ['an object', () => ({})],
  ['a function', () => () => 1],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['an empty array', () => []],
  ['a ragged array', () => [[1, 2], [3]]],
  ['an Int32Array', () => Int32Array.of(1)],
];

/** A gradient of the wrong shape for a parameter of `kind` and `shape` (always a different shape). */
function wrongShapes(spec: ParameterSpec): Factory[] {
  const numbers = (n: number) => Array.from({ length: n }, (_, k) => (k % 3) - 1 + 0.5);
  const size = spec.numbers.length;
  const out: Factory[] = [];
  if (spec.shape.length === 2) {
    const [r, c] = spec.shape as [number, number];
    if (r !== c) out.push([`${c}×${r} (transposed)`, () => build('matrix', [c, r], numbers(size))], [`${c}×${r} rows (transposed)`, () => build('rows', [c, r], numbers(size))]);
    out.push([`${r + 1}×${c}`, () => build('matrix', [r + 1, c], numbers((r + 1) * c))]);
    out.push([`${r}×${c + 1} rows`, () => build('rows', [r, c + 1], numbers(r * (c + 1)))]);
    if (r > 1) out.push([`${r - 1}×${c}`, () => build('matrix', [r - 1, c], numbers((r - 1) * c))]);
    out.push([`a vector of ${size}`, () => numbers(size)], [`a Float64Array of ${size}`, () => Float64Array.from(numbers(size))]);
    if (size === 1) out.push(['a bare number', () => 0.5]);
  } else if (spec.shape.length === 1) {
    out.push([`a vector of ${size + 1}`, () => numbers(size + 1)], [`a Float64Array of ${size + 1}`, () => Float64Array.from(numbers(size + 1))]);
    if (size > 1) out.push([`a Float32Array of ${size - 1}`, () => Float32Array.from(numbers(size - 1))]);
    out.push([`a ${size}×1 Matrix`, () => build('matrix', [size, 1], numbers(size))], [`1×${size} rows`, () => build('rows', [1, size], numbers(size))]);
    if (size === 1) out.push(['a bare number', () => 0.5]);
  } else {
    out.push(['[0.5]', () => [0.5]], ['a 1×1 Matrix', () => new Matrix([[0.5]])], ['a Float64Array of 1', () => Float64Array.of(0.5)], ['[[0.5]]', () => [[0.5]]]);
  }
  return out;
}

/** The gradient for `spec` with entry `k` replaced by `bad`, in a kind that can hold it. */
function withBadEntry(spec: ParameterSpec, k: number, bad: number | string | null | undefined): unknown {
  const numbers: unknown[] = [...spec.numbers];
  numbers[k % Math.max(numbers.length, 1)] = bad;
  if (spec.kind === 'scalar') return bad;
  const typed = typeof bad === 'number';
  if (spec.kind === 'matrix' && typed) return build('matrix', spec.shape, numbers as number[]);
  if ((spec.kind === 'float64array' || spec.kind === 'float32array') && typed) return build(spec.kind, spec.shape, numbers as number[]);
  return build(spec.shape.length === 2 ? 'rows' : 'vector', spec.shape, numbers as number[]);
}

const recordBase = recordSpec.map((record) => ({ record }) as const);

/** The gradients not a record, missing a key, of the wrong shape, holding a non-finite entry, or not numbers. */
export const gradientCases: fc.Arbitrary<MalformedCase> = fc.oneof(
  fc.tuple(recordBase, fc.boolean(), pick(NOT_GRADIENT_RECORDS)).map(([base, d, [what, make]]) =>
    caseOf(`the gradients are ${what}`, base, d, () => ({ received: make(), mentions: ['gradient'] })),
  ),
  fc.tuple(value, pick([
    ['a record', () => ({ theta: 1 })],
    ['[θ]', () => [1]],
    ['a 1×1 Matrix', () => new Matrix([[1]])],
    ['a string', () => '1'],
    ['null', () => null],
    ['NaN', () => NaN],
    ['-Infinity', () => -Infinity],
    ['a function returning a record', () => () => ({ dtheta: 1 })],
    ['a function returning NaN', () => () => NaN],
  ] as Factory[])).map(([bare, [what, make]]) =>
    caseOf(`the gradient of a bare number is ${what}`, { bare }, false, () => ({ received: make(), mentions: ['gradient'] })),
  ),
  fc.tuple(recordSpec, fc.nat(), fc.boolean(), fc.constantFrom('deleted', 'misnamed grad_', 'lower-cased', 'd-prefixed twice', 'as a function without it'))
    .map(([record, target, d, how]) => {
      const name = (record[target % record.length] as ParameterSpec).name;
      return caseOf(`the gradient of ${name} is missing (${how})`, { record }, d, () => {
        const received = exactGradients({ record }, d) as Record<string, unknown>;
        const key = d ? `d${name}` : name;
        const gradient = received[key];
        delete received[key];
        if (how === 'misnamed grad_') received[`grad_${name}`] = gradient;
        if (how === 'lower-cased') received[key.toLowerCase() === key ? key.toUpperCase() : key.toLowerCase()] = gradient;
        if (how === 'd-prefixed twice') received[`dd${name}`] = gradient;
        return { received: how === 'as a function without it' ? () => received : received, mentions: [name] };
      });
    }),
  fc.tuple(recordSpec, fc.nat(), fc.nat(), fc.boolean()).map(([record, target, variant, d]) => {
    const spec = record[target % record.length] as ParameterSpec;
    const shapes = wrongShapes(spec);
    const [what, make] = shapes[variant % shapes.length] as Factory;
    return caseOf(`the gradient of ${spec.name} (${spec.kind} ${spec.shape.join('×') || 'scalar'}) is ${what}`, { record }, d, () => {
      const received = exactGradients({ record }, d) as Record<string, unknown>;
      received[d ? `d${spec.name}` : spec.name] = make();
      return { received, mentions: [spec.name] };
    });
  }),
  fc.tuple(recordSpec, fc.nat(), fc.nat(), fc.boolean(), fc.constantFrom<number | string | null | undefined>(NaN, Infinity, -Infinity, '0.5', null, undefined))
    .map(([record, target, k, d, bad]) => {
      const spec = record[target % record.length] as ParameterSpec;
      return caseOf(`the gradient of ${spec.name} holds ${String(bad)} at entry ${k % spec.numbers.length}`, { record }, d, () => {
        const received = exactGradients({ record }, d) as Record<string, unknown>;
        received[d ? `d${spec.name}` : spec.name] = withBadEntry(spec, k, bad);
        return { received, mentions: [spec.name] };
      });
    }),
  fc.tuple(recordSpec, fc.nat(), fc.boolean(), pick(BAD_GRADIENT_VALUES)).map(([record, target, d, [what, make]]) => {
    const name = (record[target % record.length] as ParameterSpec).name;
    return caseOf(`the gradient of ${name} is ${what}`, { record }, d, () => {
      const received = exactGradients({ record }, d) as Record<string, unknown>;
      received[d ? `d${name}` : name] = make();
      return { received, mentions: [name] };
    });
  }),
);

// ---------------------------------------------------------------------------------------------
// options

/** The options checkGradients knows; anything else is an unknown key. */
const KNOWN_OPTIONS = ['epsilon', 'tolerance', 'mode', 'seed', 'sample', 'budget', 'timeBudget', '__proto__'];
const unknownKey = fc.oneof(
  fc.constantFrom('eps', 'tol', 'step', 'Epsilon', 'tolerence', 'h', 'relativeTolerance', 'Seed', 'modes', 'samples', '__proto__x'),
  fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !KNOWN_OPTIONS.includes(k)),
);
const nonPositive = fc.oneof(fc.constantFrom(0, -0, -Infinity, -Number.MIN_VALUE), fc.double({ max: 0, noNaN: true }));
const notANumber: fc.Arbitrary<unknown> = fc.constantFrom(NaN, Infinity, '1e-7', null, true, [1e-7], { value: 1e-7 });

/** Options that are not an object, have unknown keys, a non-positive or non-numeric epsilon or tolerance, or an unusable mode, seed, sample or budget. */
export const optionsCases: fc.Arbitrary<MalformedCase> = fc.oneof(
  fc.tuple(baseSpec, fc.boolean(), unknownKey, fc.double(), fc.boolean()).map(([base, d, key, v, withEpsilon]) =>
    caseOf(`options has the unknown key ${JSON.stringify(key)}`, base, d, () => ({
      options: { ...(withEpsilon ? { epsilon: 1e-7 } : {}), [key]: v },
      mentions: ['option'],
    })),
  ),
  fc.tuple(baseSpec, fc.boolean(), fc.constantFrom('epsilon', 'tolerance'), fc.oneof(nonPositive, notANumber)).map(([base, d, key, v]) =>
    caseOf(`options.${key} is ${typeof v === 'number' ? (Object.is(v, -0) ? '-0' : String(v)) : JSON.stringify(v)}`, base, d, () => ({
      options: { [key]: v },
      mentions: ['option'],
    })),
  ),
  fc.tuple(baseSpec, fc.boolean(), fc.constantFrom<[string, unknown]>(
    ['mode', 'quick'], ['mode', 'Full'], ['mode', ''], ['mode', 1], ['mode', null], ['mode', true],
    ['seed', 1.5], ['seed', NaN], ['seed', '1'], ['seed', 2 ** 60], ['seed', Infinity], ['seed', null],
    ['sample', 0], ['sample', -1], ['sample', NaN], ['sample', Infinity], ['sample', '8'],
    ['budget', 0], ['budget', -5000], ['budget', NaN], ['budget', Infinity], ['budget', '5000'],
    ['timeBudget', 0], ['timeBudget', -2], ['timeBudget', NaN], ['timeBudget', '2 s'],
  )).map(([base, d, [key, v]]) =>
    caseOf(`options.${key} is ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`, base, d, () => ({ options: { [key]: v }, mentions: ['option'] })),
  ),
  // (options null is accepted as "no options", like undefined.)
  fc.tuple(baseSpec, fc.boolean(), pick([
    ['a number', () => 1e-7],
    ['a string', () => 'epsilon'],
    ['an array', () => [1e-7]],
    ['true', () => true],
    ['a function', () => () => ({})],
  ] as Factory[])).map(([base, d, [what, make]]) => caseOf(`options is ${what}`, base, d, () => ({ options: make(), mentions: ['option'] }))),
);

/** Every category, by name: the ones current src handles and the ones it does not, each its own property. */
export const CATEGORIES = {
  forward: forwardCases,
  params: paramsCases,
  gradients: gradientCases,
  options: optionsCases,
  'thrown values with no string form': unprintableThrowCases,
  'empty typed arrays and matrices': emptyParameterCases,
  'parameters that cannot be written in place': frozenParameterCases,
  'a Matrix as params': matrixAsParamsCases,
} as const satisfies Record<string, fc.Arbitrary<MalformedCase>>;
