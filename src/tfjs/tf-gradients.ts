import * as tf from '@tensorflow/tfjs-core';
import { GradcheckError } from '../gradcheck-error.js';
import { thrownMessage } from '../parameters/numeric-view.js';
import type { TfInputSet } from './tf-inputs.js';
import { assertOutputShape, tfOutput } from './tf-output.js';
import type { UntypedFunction } from './tf-types.js';

/**
 * tfjs's own gradients of ⟨dout, f(inputs)⟩ at the inputs as they are (registered kernels' gradients,
 * `tf.customGrad`'s), one Float32Array per input; every tensor made on the way is disposed.
 */
export function tfGradients(f: UntypedFunction, set: TfInputSet, dout: Float64Array, shape: readonly number[]): Float32Array[] {
  const scalar = (...tensors: tf.Tensor[]) => {
    const output = tfOutput(callF(f, set, tensors));
    assertOutputShape(output, shape);
    return tf.sum(tf.mul(output, tf.tensor(Float32Array.from(dout), output.shape)));
  };
  return tf.tidy(() => {
    let gradients: tf.Tensor[];
    try {
      gradients = tf.grads(scalar)(set.slots.map((slot) => slot.tensor));
    } catch (error) {
      if (error instanceof GradcheckError) throw error;
      throw new GradcheckError(`tf.grads could not differentiate f: ${thrownMessage(error)}${hintFor(error)}`, { cause: error });
    }
    return gradients.map((gradient) => Float32Array.from(gradient.dataSync() as Float32Array));
  });
}

/**
 * The shape of f's output at the inputs, from one plain forward: f's own errors and an unusable
 * output then surface here, not inside tf.grads, whose tape keeps tensors it never frees when f throws.
 */
export function tfOutputShape(f: UntypedFunction, set: TfInputSet): number[] {
  return tf.tidy(() => tfOutput(callF(f, set, set.slots.map((slot) => slot.tensor))).shape);
}

/** Calls `f`, keeping what it throws as the cause of a `GradcheckError` that says so. */
export function callF(f: UntypedFunction, set: TfInputSet, tensors: readonly tf.Tensor[]): unknown {
  try {
    return set.call(f, tensors);
  } catch (error) {
    throw new GradcheckError(`f threw: ${thrownMessage(error)}`, { cause: error });
  }
}

/** What a user can do about tfjs's usual reasons for failing to differentiate. */
function hintFor(error: unknown): string {
  const message = thrownMessage(error);
  if (message.includes('gradient function not found')) {
    return " Register the ops' gradients: import '@tensorflow/tfjs-core/dist/register_all_gradients' (the @tensorflow/tfjs package does it for you).";
  }
  if (message.includes('is not a function')) {
    return " Some gradients call tensor methods: import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops' (the @tensorflow/tfjs package does it for you).";
  }
  if (message.includes('Cannot compute gradient of y=f(x)')) {
    return ' Every input must reach the output through tfjs ops: an input f ignores has no gradient.';
  }
  return '';
}
