import { backward1d, backwardPropagationN, forward1d, forwardPropagationN } from '../../examples/notebook/network.js';
import { notebookCase as notebook } from '../models/notebook-case.js';
import { messageOf, type RunnerApi } from './runner-api.js';

/** The matcher's behaviour as a user sees it through the runner's own `expect`. */
export function matcherSpec({ describe, it, expect }: RunnerApi): void {
  describe('toHaveCorrectGradients', () => {
    it('passes on the notebook 1-D check', () => {
      expect(backward1d(2)).toHaveCorrectGradients(forward1d, 4, 2);
    });

    it('passes on the notebook network with its corrected backprop', () => {
      const { x, y, parameters, correct } = notebook();
      expect(correct).toHaveCorrectGradients(forwardPropagationN, parameters, x, y);
    });

    it('fails on the buggy backprop, naming W2 and b1 with indices and both values', () => {
      const { x, y, parameters, buggy } = notebook();
      const message = messageOf(() => expect(buggy).toHaveCorrectGradients(forwardPropagationN, parameters, x, y));
      expect(message).toContain('expect(gradients).toHaveCorrectGradients(forward, params, x, y)');
      expect(message).toMatch(/- W2\[\d,\d\] +numeric +-?\d/);
      expect(message).toMatch(/\+ W2\[\d,\d\] +analytic +-?\d/);
      expect(message).toMatch(/- b1\[\d,0\] +numeric/);
      expect(message).toMatch(/\+ b1\[\d,0\] +analytic/);
      expect(message).not.toMatch(/[-+] (W1|b2|W3|b3)\[/);
    });

    it('.not passes on the buggy backprop', () => {
      const { x, y, parameters, buggy } = notebook();
      expect(buggy).not.toHaveCorrectGradients(forwardPropagationN, parameters, x, y);
    });

    it('.not fails on correct gradients, saying they agree', () => {
      const { x, y, parameters, correct } = notebook();
      expect(messageOf(() => expect(correct).not.toHaveCorrectGradients(forwardPropagationN, parameters, x, y))).toMatch(
        /expect\(gradients\)\.not\.toHaveCorrectGradients[\s\S]*All 47 entries of 6 parameters agree/,
      );
    });

    it('takes a gradient function of (params, x, y)', () => {
      const { x, y, parameters } = notebook();
      const gradients = (p: typeof parameters, xs: typeof x, ys: typeof y) =>
        backwardPropagationN(xs, ys, forwardPropagationN(p, xs, ys)[1]);
      expect(gradients).toHaveCorrectGradients(forwardPropagationN, parameters, x, y);
    });

    it('is a matcher error, not a pass of .not, when the input is unusable', () => {
      const { x, y, parameters, correct } = notebook();
      const { dW2: _omitted, ...missing } = correct;
      expect(messageOf(() => expect(missing).not.toHaveCorrectGradients(forwardPropagationN, parameters, x, y))).toMatch(
        /Matcher error[\s\S]*No gradient for parameter W2/,
      );
      expect(messageOf(() => expect(correct).toHaveCorrectGradients('forward', parameters, x, y))).toMatch(
        /Matcher error[\s\S]*forward is the string "forward"; expected a function/,
      );
      expect(messageOf(() => expect(correct).not.toHaveCorrectGradients(() => Number.NaN, parameters, x, y))).toMatch(
        /expect\(gradients\)\.not\.toHaveCorrectGradients[\s\S]*Matcher error[\s\S]*forward returned NaN at the unperturbed parameters/,
      );
    });
  });
}
