/**
 * TensorFlow.js as the tests use it: tfjs-core with the plain-JavaScript cpu backend, and the
 * registrations the @tensorflow/tfjs bundle would make (ops' gradients, chained tensor methods).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

// Silences the cpu backend's note that a native Node backend would be faster (PROD only mutes warnings).
tf.env().set('PROD', true);

export { tf };

/** A seeded tensor of `shape` with entries uniform in [−scale, scale), so every check sees the same numbers. */
export function seededTensor(shape: number[], seed: number, scale = 1): tf.Tensor {
  return tf.randomUniform(shape, -scale, scale, 'float32', seed);
}
