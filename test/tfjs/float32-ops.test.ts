import { describe, expect, it } from 'vitest';
import { checkTfGradients } from '../../src/tfjs.js';
import { failingLabels } from '../models/notebook-case.js';
import { seededTensor, tf } from './tf.js';

/** Correct ops whose float32 central differences used to read as errors: tfjs's own gradients, no reference. */
const ops: [string, (...x: tf.Tensor[]) => tf.Tensor, (seed: number) => tf.Tensor[]][] = [
  ['matMul', (a, b) => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D), (s) => [seededTensor([6, 8], s), seededTensor([8, 6], s + 100)]],
  ['conv2dTranspose', (x, w) => tf.conv2dTranspose(x as tf.Tensor4D, w as tf.Tensor4D, [1, 6, 6, 2], 2, 'same'), (s) => [seededTensor([1, 3, 3, 3], s), seededTensor([3, 3, 2, 3], s + 100)]],
  ['cumsum', (x) => tf.cumsum(x, 1), (s) => [seededTensor([3, 8], s)]],
  ['div', (a, b) => tf.div(a, tf.add(tf.abs(b), 0.5)), (s) => [seededTensor([4, 5], s), seededTensor([4, 5], s + 100)]],
  ['pow', (a) => tf.pow(tf.add(tf.abs(a), 0.5), 2.5), (s) => [seededTensor([4, 5], s)]],
  ['elu', (a) => tf.elu(a), (s) => [seededTensor([4, 5], s)]],
  ['norm', (a) => tf.norm(a), (s) => [seededTensor([4, 5], s)]],
  ['exp of a large input', (a) => tf.exp(tf.mul(a, 3)), (s) => [seededTensor([4, 5], s)]],
  ['relu of matMul', (a, b) => tf.relu(tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D)), (s) => [seededTensor([5, 6], s), seededTensor([6, 4], s + 100)]],
  ['atan2', (a, b) => tf.atan2(a, b), (s) => [seededTensor([4, 5], s), seededTensor([4, 5], s + 100)]],
];

describe('float32 verdicts on correct TensorFlow.js ops: no false alarm', () => {
  it.each(ops)('%s, 5 seeds', (_, f, make) => {
    for (let seed = 1; seed <= 5; seed++) {
      const report = checkTfGradients(f, make(seed));
      expect(failingLabels(report), `seed ${seed}`).toEqual([]);
    }
  });
});
