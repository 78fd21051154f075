import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { checkTfGradients, tfMatchers } from 'gradcheck/tfjs';
import type { RunnerApi } from './spec';

tf.env().set('PROD', true);

/** x³ with a hand-written gradient: 3x²·dy, or (the bug) 3x² without dy. */
const cube = (withDy: boolean) =>
  tf.customGrad((...args) => {
    const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
    save([x]);
    return {
      value: tf.pow(x, 3),
      gradFunc: (dy, [saved]) => {
        const slope = tf.mul(3, tf.square(saved as tf.Tensor));
        return withDy ? tf.mul(dy as tf.Tensor, slope) : slope;
      },
    };
  }) as (x: tf.Tensor) => tf.Tensor;

/** gradcheck/tfjs from the packed tarball, with the user's own tfjs-core, through the runner's own `expect`. */
export function tfjsSpec({ name, describe, test, expect }: RunnerApi): void {
  expect.extend(tfMatchers);

  describe(`gradcheck/tfjs from the packed tarball (${name})`, () => {
    const x = tf.tensor2d([[0.5, -1.25], [2, 0.75]]);

    test('a right custom gradient passes and a wrong one fails, naming its entries', () => {
      expect(cube(true)).toHaveCorrectTfGradients([x]);
      expect(() => expect(({ x }: { x: tf.Tensor }) => cube(false)(x)).toHaveCorrectTfGradients({ x })).toThrow(/x\[\d,\d\] +numeric/);
    });

    test('every tensor the check makes is disposed, and the input is unchanged', () => {
      const before = tf.memory().numTensors;
      const values = Array.from(x.dataSync());
      expect(checkTfGradients(cube(false), [x]).pass).toBe(false);
      expect(tf.memory().numTensors).toBe(before);
      expect(Array.from(x.dataSync())).toEqual(values);
    });
  });
}
