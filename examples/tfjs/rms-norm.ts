// A custom tf.layers.Layer with a trainable weight, in a small model whose loss is checked:
// RMSNorm, y = g ⊙ x / √(mean(x²) + ε) over the last axis, between two dense layers.
import * as tfl from '@tensorflow/tfjs-layers';
import { tf } from './tf.js';

/** 1e-3: keeps the root away from 0 for an all-zero row, small next to mean(x²) for the inputs used here. */
const EPSILON = 1e-3;

export class RmsNorm extends tfl.layers.Layer {
  static className = 'RmsNorm';
  private gain!: tfl.LayerVariable;

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = inputShape as tfl.Shape;
    const units = shape[shape.length - 1] as number;
    this.gain = this.addWeight('gain', [units], 'float32', tfl.initializers.randomUniform({ minval: 0.5, maxval: 1.5, seed: 3 }));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs;
      const rms = tf.sqrt(tf.add(tf.mean(tf.square(x), -1, true), EPSILON));
      return tf.mul(tf.div(x, rms), this.gain.read());
    });
  }
}
tf.serialization.registerClass(RmsNorm);

/** dense(4 → 6, tanh) → RmsNorm → dense(6 → 1), seeded, and a batch of 5 examples with targets. */
export function rmsNormModel() {
  const seeded = (seed: number) => tfl.initializers.glorotUniform({ seed });
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 6, inputShape: [4], activation: 'tanh', kernelInitializer: seeded(1), biasInitializer: 'ones' }),
      new RmsNorm({ name: 'rms_norm' }),
      tfl.layers.dense({ units: 1, kernelInitializer: seeded(2) }),
    ],
  });
  const x = tf.randomUniform([5, 4], -1, 1, 'float32', 4);
  const y = tf.randomUniform([5, 1], -1, 1, 'float32', 5);
  /** The model's mean squared error: its trainable weights are read by the layers, not passed in. */
  const loss = () => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor);
  return { model, loss, x, y };
}
