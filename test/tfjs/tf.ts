/** TensorFlow.js as the examples set it up (cpu backend, gradients registered), and seeded inputs. */
import { tf } from '../../examples/tfjs/tf.js';

export { tf };

/** A seeded tensor of `shape` with entries uniform in [−scale, scale), so every check sees the same numbers. */
export function seededTensor(shape: number[], seed: number, scale = 1): tf.Tensor {
  return tf.randomUniform(shape, -scale, scale, 'float32', seed);
}
