import { softplus, softplusForgettingDy } from '../../examples/tfjs/softplus.js';
import { tfMatchers } from '../../src/tfjs.js';
import { messageOf, type RunnerApi } from '../matcher/runner-api.js';
import { seededTensor, tf } from './tf.js';

/** toHaveCorrectTfGradients as a user sees it through the runner's own `expect`, after `expect.extend(tfMatchers)`. */
export function tfMatcherSpec({ describe, it, expect }: RunnerApi): void {
  expect.extend(tfMatchers);

  describe('toHaveCorrectTfGradients', () => {
    const x = seededTensor([3, 4], 1, 4);

    it('passes on a custom op with a right gradient, and .not fails on it saying they agree', () => {
      expect(softplus).toHaveCorrectTfGradients([x]);
      expect(messageOf(() => expect(({ x }: { x: tf.Tensor }) => softplus(x)).not.toHaveCorrectTfGradients({ x }))).toMatch(
        /expect\(f\)\.not\.toHaveCorrectTfGradients\(inputs\)[\s\S]*All 12 entries of 1 parameter agree/,
      );
    });

    it('fails on a gradient that forgets dy, naming entries of x with both values', () => {
      const message = messageOf(() => expect(({ x }: { x: tf.Tensor }) => softplusForgettingDy(x)).toHaveCorrectTfGradients({ x }));
      expect(message).toContain('expect(f).toHaveCorrectTfGradients(inputs)');
      expect(message).toMatch(/x +3×4 .* ✗/);
      expect(message).toMatch(/- x\[\d,\d\] +numeric +-?\d/);
      expect(message).toMatch(/\+ x\[\d,\d\] +analytic +-?\d/);
      expect(softplusForgettingDy).not.toHaveCorrectTfGradients([x]);
    });

    it('unusable input is a matcher error, under .not too', () => {
      for (const assertion of [
        () => expect(softplus).toHaveCorrectTfGradients([x], { dout: [1, 2] }),
        () => expect(softplus).not.toHaveCorrectTfGradients([3]),
      ]) {
        expect(messageOf(assertion)).toMatch(/Matcher error: (options\.dout has 2 entries|x0 is 3; expected a tf\.Tensor)/);
      }
    });

    it('leaves tf.memory().numTensors and the inputs as they were, whatever the outcome', () => {
      const w = tf.variable(seededTensor([3, 4], 2), true, 'w_matcher');
      const tensors = tf.memory().numTensors;
      const values = [Array.from(x.dataSync()), Array.from(w.dataSync())];
      const product = (x: tf.Tensor, w: tf.Tensor) => softplus(tf.mul(x, w));
      expect(product).toHaveCorrectTfGradients([x, w]);
      messageOf(() => expect((x: tf.Tensor, w: tf.Tensor) => softplusForgettingDy(tf.mul(x, w))).toHaveCorrectTfGradients([x, w]));
      messageOf(() =>
        expect(() => {
          throw new Error('boom');
        }).toHaveCorrectTfGradients([x, w]),
      );
      expect(tf.memory().numTensors).toBe(tensors);
      expect([Array.from(x.dataSync()), Array.from(w.dataSync())]).toEqual(values);
      w.dispose();
    });
  });
}
