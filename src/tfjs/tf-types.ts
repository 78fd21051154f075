import type * as tf from '@tensorflow/tfjs-core';
import type { TensorLike } from '../parameters/tensor-like.js';
import type { CheckOptions } from '../types.js';

/** A tfjs-layers weight (`layer.trainableWeights[i]`, a `LayerVariable`): its `tf.Variable` is what is checked. */
export interface LayerVariableLike {
  read(): tf.Tensor;
}

/** One input of a checked function. */
export type TfInput = tf.Tensor | LayerVariableLike;

/** The inputs: an array (`f(x, w)`) or a record (`f({ x, w })`). */
export type TfInputs = readonly TfInput[] | Readonly<Record<string, TfInput>>;

/** What `f` receives for each input: the tensor itself, a layer weight's `tf.Variable`. */
export type TensorsOf<I> = { [K in keyof I]: I[K] extends tf.Tensor ? I[K] : tf.Variable };

/** The checked function: of tensors, spread from an array or as one record, returning a tensor of any shape. */
export type TfFunction<I> = I extends readonly unknown[] ? (...inputs: TensorsOf<I>) => tf.Tensor : (inputs: TensorsOf<I>) => tf.Tensor;

/** An input as a float64 reference implementation receives it: its numbers, row-major, and its shape. */
export interface Float64Input extends TensorLike {
  readonly data: Float64Array;
  readonly shape: number[];
}

/** What a reference implementation returns: f's output as a number, a (nested) number array, a typed array or `{ data, shape }`. */
export type ReferenceOutput = number | ArrayLike<number> | readonly ArrayLike<number>[] | TensorLike;

/** A float64 re-implementation of `f`, taking its inputs in the same form (spread or a record). */
export type ReferenceFunction<I> = I extends readonly unknown[]
  ? (...inputs: { [K in keyof I]: Float64Input }) => ReferenceOutput
  : (inputs: { [K in keyof I]: Float64Input }) => ReferenceOutput;

export interface TfCheckOptions<I = any> extends CheckOptions {
  /**
   * The cotangent the output is contracted with, ⟨dout, f(inputs)⟩: a tensor of the output's shape, or its
   * numbers row-major (rounded to float32). Default: 1 for a scalar output, else seeded random entries ±[0.5, 1.5).
   */
  readonly dout?: tf.Tensor | ArrayLike<number> | number;
  /**
   * A float64 re-implementation of `f` over `{ data: Float64Array, shape }` inputs: when given, the numeric
   * side is its central differences, in full precision, and tfjs gives the analytic side only.
   */
  readonly reference?: ReferenceFunction<I>;
}

/** The matcher's signature, merged into Vitest's and Jest's `Matchers` by `gradcheck/tfjs`. */
export interface TfGradientMatchers<R = unknown> {
  /**
   * Passes when tfjs's own gradients of ⟨dout, f(inputs)⟩ (registered kernels' gradients, `tf.customGrad`)
   * agree, entry by entry, with central differences of `f` on the same backend.
   */
  toHaveCorrectTfGradients(inputs: TfInputs, options?: TfCheckOptions): R;
}

/** `f` or `options.reference` as the check calls them, past their public types. */
export type UntypedFunction = (...args: any[]) => unknown;
