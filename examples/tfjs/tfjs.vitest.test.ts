// TensorFlow.js gradients checked with Vitest: `expect.extend(tfMatchers)` once (here, or in a setup file).
import { tfMatchers } from 'gradcheck/tfjs';
import { describe, expect, it } from 'vitest';
import { rmsNormModel } from './rms-norm.js';
import { softplus, softplusForgettingDy } from './softplus.js';
import { tf } from './tf.js';

expect.extend(tfMatchers);

describe('TensorFlow.js gradients (Vitest)', () => {
  const x = tf.randomUniform([3, 4], -4, 4, 'float32', 1);

  it('a custom op with a hand-written gradient is right', () => {
    expect(softplus).toHaveCorrectTfGradients([x]);
  });

  it('the same op whose gradient forgets dy is caught', () => {
    expect(softplusForgettingDy).not.toHaveCorrectTfGradients([x]);
  });

  it('conv2d with stride 2 and same padding: tfjs’s registered gradients, for the input and the filter', () => {
    const image = tf.randomUniform([1, 5, 5, 2], -1, 1, 'float32', 2);
    const filter = tf.randomUniform([3, 3, 2, 3], -1, 1, 'float32', 3);
    const conv = ({ image, filter }: { image: tf.Tensor4D; filter: tf.Tensor4D }) => tf.conv2d(image, filter, 2, 'same');
    expect(conv).toHaveCorrectTfGradients({ image, filter });
  });

  it('a custom layer’s trainable weights, through a small model’s loss', () => {
    const { model, loss } = rmsNormModel();
    expect(loss).toHaveCorrectTfGradients(model.trainableWeights);
  });
});
