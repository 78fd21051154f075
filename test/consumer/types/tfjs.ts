// Compiled by both tsconfigs: importing gradcheck/tfjs (for tfMatchers) brings toHaveCorrectTfGradients into the runner's types.
import * as tf from '@tensorflow/tfjs-core';
import { checkTfGradients, type GradientReport, tfMatchers } from 'gradcheck/tfjs';
import { expect } from 'runner';

expect.extend(tfMatchers);
const x = tf.tensor2d([[1, 2]]);
const w = tf.variable(tf.tensor2d([[3], [4]]));

expect((a: tf.Tensor2D, b: tf.Tensor2D) => tf.matMul(a, b)).toHaveCorrectTfGradients([x, w]);
expect(({ x }: { x: tf.Tensor }) => tf.square(x)).toHaveCorrectTfGradients({ x }, { seed: 2, dout: [1, 2] });
expect(tf.tanh).not.toHaveCorrectTfGradients([x]);

const report: GradientReport = checkTfGradients((a: tf.Tensor2D, b: tf.Tensor2D) => tf.matMul(a, b), [x, w], {
  reference: (a, b) => [a.data[0]! * b.data[0]! + a.data[1]! * b.data[1]!],
});
void report.pass;

// @ts-expect-error inputs are tensors, not numbers
expect(tf.square).toHaveCorrectTfGradients([1, 2]);
// @ts-expect-error the options are checked too
expect(tf.square).toHaveCorrectTfGradients([x], { seed: 'one' });
// @ts-expect-error f takes the record's tensors
checkTfGradients(({ y }: { y: tf.Tensor }) => tf.square(y), { x });
