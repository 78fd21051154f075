import * as tf from '@tensorflow/tfjs-core';
import { GradcheckError } from '../gradcheck-error.js';
import { formatShape } from '../layout/entry-index.js';
import { describeValue, numericView } from '../parameters/numeric-view.js';
import { upstreamValues } from '../perturbation/upstream-gradient.js';
import type { TfCheckOptions } from './tf-types.js';

/** What `f` returned, checked to be a float32 tensor with entries. */
export function tfOutput(result: unknown): tf.Tensor {
  if (result instanceof Promise) throw new GradcheckError('f returned a Promise; f must compute its tensor synchronously.');
  if (!(result instanceof tf.Tensor)) throw new GradcheckError(`f returned ${describeValue(result)}; expected a tf.Tensor (of any shape).`);
  if (result.dtype !== 'float32') {
    throw new GradcheckError(`f returned a ${result.dtype} tensor; expected float32 (a ${result.dtype} output has no gradient).`);
  }
  if (result.size === 0) throw new GradcheckError(`f returned an empty tensor (shape ${formatShape(result.shape)}); expected at least one entry.`);
  return result;
}

/** Throws unless `output` has the shape f's first output had. */
export function assertOutputShape(output: tf.Tensor, shape: readonly number[]): void {
  if (formatShape(output.shape) !== formatShape(shape)) {
    throw new GradcheckError(`f returned shape ${formatShape(output.shape)} after ${formatShape(shape)}; its output must keep one shape.`);
  }
}

/**
 * The cotangent dout for an output of `shape`: `options.dout` checked against it, 1 for a scalar
 * output, else seeded random entries. Every entry is rounded to float32, so tfjs (which holds dout
 * in float32) and the float64 contraction use the same numbers.
 */
export function doutFor(given: TfCheckOptions['dout'], shape: readonly number[], seed: number): Float64Array {
  const size = shape.reduce((product, n) => product * n, 1);
  // Seeded like a layer's dout, each value made a float32 so tfjs and the float64 side contract alike.
  if (given === undefined) return size === 1 ? Float64Array.of(1) : upstreamValues(size, seed).map(Math.fround);
  if (given instanceof tf.Tensor && formatShape(given.shape) !== formatShape(shape)) {
    throw new GradcheckError(`options.dout has shape ${formatShape(given.shape)} but f's output has shape ${formatShape(shape)}.`);
  }
  const values = given instanceof tf.Tensor ? given.dataSync() : given;
  const view = numericView('options.dout', typeof values === 'number' ? values : Array.from(values as ArrayLike<number>));
  if (view.size !== size) {
    throw new GradcheckError(`options.dout has ${view.size} entries but f's output has ${size} (shape ${formatShape(shape)}).`);
  }
  const dout = Float64Array.from({ length: size }, (_, k) => Math.fround(view.get(k)));
  const bad = dout.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new GradcheckError(`options.dout[${bad}] is ${describeValue(view.get(bad))}; every entry must be a finite float32 number.`);
  return dout;
}
