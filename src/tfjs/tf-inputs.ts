import * as tf from '@tensorflow/tfjs-core';
import { GradcheckError } from '../gradcheck-error.js';
import { describeValue } from '../parameters/numeric-view.js';
import type { TfInput, TfInputs, UntypedFunction } from './tf-types.js';

/** One input of the checked function: the tensor it receives, and its numbers as they were. */
export interface TfSlot {
  readonly name: string;
  /** What `f` receives: the user's tensor, or a variable (a layer's weight gives its `tf.Variable`). */
  readonly tensor: tf.Tensor;
  /** Set when the input is a variable: `f` may read it through a closure, so it is assigned, not rebuilt. */
  readonly variable: tf.Variable | undefined;
  readonly shape: number[];
  /** The input's numbers before the check, a copy. */
  readonly original: Float32Array;
}

/** The inputs of a tfjs function, and how `f` takes them: spread from an array, or as one record. */
export interface TfInputSet {
  readonly slots: readonly TfSlot[];
  /** Calls `f` with one tensor per slot, in the form the inputs were given. */
  call(f: UntypedFunction, tensors: readonly tf.Tensor[]): unknown;
  /** Arranges one value per slot the way `f` takes its inputs: an argument list, or a record by name. */
  arrange<T>(values: readonly T[]): unknown[];
}

/** Tensors, variables or layer weights, named by their record keys, or in an array by their own names (`x0`, `x1`… else). */
export function tfInputSet(inputs: TfInputs): TfInputSet {
  if (inputs === null || typeof inputs !== 'object' || inputs instanceof tf.Tensor) {
    throw new GradcheckError(
      `inputs is ${describeValue(inputs)}; expected an array of tensors ([x, w]) or a record of them ({ x, w }).`,
    );
  }
  const array = Array.isArray(inputs);
  const entries: [string | undefined, unknown][] = array
    ? (inputs as readonly unknown[]).map((input) => [undefined, input])
    : Object.entries(inputs);
  if (entries.length === 0) throw new GradcheckError('inputs is empty; expected at least one tensor to check.');
  const slots: TfSlot[] = [];
  entries.forEach(([key, input], i) => {
    const fallback = `x${i}`;
    const tensor = tensorOf(key ?? fallback, input);
    const own = tensor instanceof tf.Variable && !/^\d+$/.test(tensor.name) ? tensor.name : undefined;
    const name = key ?? (own !== undefined && !slots.some((s) => s.name === own) ? own : fallback);
    const twin = slots.find((s) => s.tensor === tensor);
    if (twin) throw new GradcheckError(`${name} is the same tensor as ${twin.name}; pass each input once.`);
    if (slots.some((s) => s.name === name)) {
      throw new GradcheckError(`Two inputs are named ${name} (a variable's own name and a position); pass a record to name them.`);
    }
    slots.push({
      name,
      tensor,
      variable: tensor instanceof tf.Variable ? tensor : undefined,
      shape: [...tensor.shape],
      original: Float32Array.from(tensor.dataSync() as Float32Array),
    });
  });
  const arrange = <T>(values: readonly T[]) =>
    array ? [...values] : [Object.fromEntries(slots.map((slot, i) => [slot.name, values[i]]))];
  return { slots, arrange, call: (f, tensors) => f(...arrange(tensors)) };
}

/** The tensor an input stands for, or a `GradcheckError` saying why it cannot be checked. */
function tensorOf(name: string, input: TfInput | unknown): tf.Tensor {
  const tensor = isLayerVariable(input) ? input.read() : input;
  if (!(tensor instanceof tf.Tensor)) {
    if (Array.isArray((input as { trainableWeights?: unknown } | null)?.trainableWeights)) {
      throw new GradcheckError(`${name} is ${describeValue(input)} layer; pass its weights (layer.trainableWeights), not the layer.`);
    }
    throw new GradcheckError(`${name} is ${describeValue(input)}; expected a tf.Tensor, a tf.Variable or a layer's weight.`);
  }
  if (tensor.isDisposed) throw new GradcheckError(`${name} has been disposed; pass a live tensor.`);
  if (tensor.dtype !== 'float32') {
    throw new GradcheckError(`${name} has dtype ${tensor.dtype}; only float32 tensors have gradients to check.`);
  }
  return tensor;
}

/** A tfjs-layers `LayerVariable` (a layer's `trainableWeights`): it keeps its `tf.Variable` behind `read()`. */
function isLayerVariable(input: unknown): input is { read(): unknown } {
  return input !== null && typeof input === 'object' && !(input instanceof tf.Tensor) && typeof (input as { read?: unknown }).read === 'function';
}
