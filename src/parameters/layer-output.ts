import { AbstractMatrix } from 'ml-matrix';
import { GradcheckError } from '../gradcheck-error.js';
import { entryIndex, entryLabel, formatShape } from '../layout/entry-index.js';
import { describeValue, type NumericView, numericView, valuesOf } from './numeric-view.js';

/** The name a layer's single (not record) output goes by in reports: `out[1,0]`. */
export const SINGLE_OUTPUT_NAME = 'out';

/** One named part of a layer's output: `out`, or `h` and `c` of an LSTM step. */
export interface OutputPart {
  readonly name: string;
  readonly view: NumericView;
}

/** A layer's output as the check reads it, in the user's own storage (no copy). */
export interface LayerOutput {
  readonly parts: readonly OutputPart[];
  /** True when forward returned a record of outputs; dout is then a record too. */
  readonly record: boolean;
}

const EXPECTED_OUTPUT =
  "expected the layer's output (a Matrix, number[][], number[], typed array or number), a record of them ({ h, c }), or an [output, cache] pair.";

/**
 * Reads what a layer's forward returned. An array is the output itself when it holds numbers
 * (number[]) or rows of numbers of one length (number[][]); any other array is `[output, cache]`.
 * So `[out, cache]` with out a number[] and a cache that is a number[] of the same length reads as a
 * 2-row output: wrap such a cache (`[out, { x }]`).
 */
export function readLayerOutput(result: unknown): LayerOutput {
  if (result instanceof Promise) {
    throw new GradcheckError('forward returned a Promise (async forward is not supported): compute the output synchronously.');
  }
  const output = Array.isArray(result) && !isNumeric(result) ? result[0] : result;
  if (isRecord(output)) {
    const names = Object.keys(output);
    if (names.length === 0) throw new GradcheckError(`forward returned an output record with no keys; ${EXPECTED_OUTPUT}`);
    return { parts: names.map((name) => ({ name, view: outputView(name, output[name]) })), record: true };
  }
  return { parts: [{ name: SINGLE_OUTPUT_NAME, view: outputView(SINGLE_OUTPUT_NAME, output) }], record: false };
}

/** Throws unless `now` has the parts and shapes of `reference` (`where` says when, for the message): a layer's output shape must not depend on its inputs' values. */
export function assertSameOutputShape(reference: LayerOutput, now: LayerOutput, where: () => string): void {
  const names = (output: LayerOutput) => output.parts.map((part) => part.name).join(', ');
  if (names(reference) !== names(now)) {
    throw new GradcheckError(
      `forward returned outputs ${names(now)} ${where()} but ${names(reference)} at the unperturbed inputs; the outputs must not depend on the inputs' values.`,
    );
  }
  reference.parts.forEach(({ name, view }, i) => {
    const shape = (now.parts[i] as OutputPart).view.shape;
    if (!sameShape(shape, view.shape)) {
      throw new GradcheckError(
        `forward's output ${name} has shape ${formatShape(shape)} ${where()} but ${formatShape(view.shape)} at the unperturbed inputs; ` +
          "a layer's output shape must not depend on its inputs' values.",
      );
    }
  });
}

/** Throws unless every entry of every output part is finite, naming the first that is not. */
export function assertFiniteOutput(output: LayerOutput, where: () => string): void {
  for (const { name, view } of output.parts) {
    const values = valuesOf(view);
    for (let k = 0; k < values.length; k++) {
      const v = values[k] as number;
      if (v - v === 0) continue; // finite
      throw new GradcheckError(
        `forward's output ${entryLabel(name, entryIndex(view.shape, k))} is ${describeValue(view.get(k))} ${where()}; every entry must be a finite number.`,
      );
    }
  }
}

/** A copy of every part's entries, one after another, row-major. */
export function flatOutput(output: LayerOutput): Float64Array {
  return valuesOf(...output.parts.map(({ view }) => view));
}

/** Each flat output entry as a person names it: `out[1,0]`, or `h[0,2]` for a record output. */
export function outputLabels(output: LayerOutput): string[] {
  return output.parts.flatMap(({ name, view }) => Array.from({ length: view.size }, (_, k) => entryLabel(name, entryIndex(view.shape, k))));
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function outputView(name: string, value: unknown): NumericView {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'function') {
    throw new GradcheckError(`forward returned ${describeValue(value)} as ${name}; ${EXPECTED_OUTPUT}`);
  }
  return numericView(`forward's output ${name}`, value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value) && !AbstractMatrix.isMatrix(value);
}

/** A number[], or rows of numbers of one length (number[][] or typed-array rows). */
function isNumeric(array: readonly unknown[]): boolean {
  if (array.every((v) => typeof v === 'number')) return true;
  const first = array[0];
  if (!Array.isArray(first) && !(first instanceof Float64Array) && !(first instanceof Float32Array)) return false;
  return array.every(
    (row) =>
      (Array.isArray(row) || row instanceof Float64Array || row instanceof Float32Array) &&
      row.length === first.length &&
      Array.prototype.every.call(row, (v: unknown) => typeof v === 'number'),
  );
}
