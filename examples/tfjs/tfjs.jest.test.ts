// TensorFlow.js gradients checked with Jest: `expect.extend(tfMatchers)` once (here, or in a setupFilesAfterEnv file).
// Jest must compile tfjs-core's ES-module gradient registrations: see `transform` in jest.config.mjs.
import { expect, test } from '@jest/globals';
import { tfMatchers } from 'gradcheck/tfjs';
import { rmsNormModel } from './rms-norm.js';
import { softplus, softplusForgettingDy } from './softplus.js';
import { tf } from './tf.js';

expect.extend(tfMatchers);

const x = tf.randomUniform([3, 4], -4, 4, 'float32', 1);

test('a custom op: the right gradient passes, one that forgets dy fails', () => {
  expect(softplus).toHaveCorrectTfGradients([x]);
  expect(softplusForgettingDy).not.toHaveCorrectTfGradients([x]);
});

test('conv2d with stride 2 and same padding', () => {
  const image = tf.randomUniform([1, 5, 5, 2], -1, 1, 'float32', 2);
  const filter = tf.randomUniform([3, 3, 2, 3], -1, 1, 'float32', 3);
  expect((image: tf.Tensor4D, filter: tf.Tensor4D) => tf.conv2d(image, filter, 2, 'same')).toHaveCorrectTfGradients([image, filter]);
});

test('a custom layer’s trainable weights, through a small model’s loss', () => {
  const { model, loss } = rmsNormModel();
  const before = tf.memory().numTensors;
  expect(loss).toHaveCorrectTfGradients(model.trainableWeights);
  expect(tf.memory().numTensors).toBe(before);
});
