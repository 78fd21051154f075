import { stripVTControlCharacters } from 'node:util';
import { Matrix } from 'ml-matrix';
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

    describe('the mistakes people make, in the message they read', () => {
      it('refuses a record holding both W1 and dW1 (a layer object, { ...params, ...grads }), naming both keys', () => {
        const { x, y, parameters, correct } = notebook();
        expect(messageOf(() => expect({ ...parameters, ...correct }).not.toHaveCorrectGradients(forwardPropagationN, parameters, x, y))).toMatch(
          /Matcher error: The gradients have both "W1" and "dW1" for parameter W1, so which one is its gradient is ambiguous \(the d-prefix rule takes either, not both\)/,
        );
      });

      it('says so when the gradients are the parameters themselves', () => {
        const { x, y, parameters } = notebook();
        expect(messageOf(() => expect(parameters).toHaveCorrectGradients(forwardPropagationN, parameters, x, y))).toContain(
          "The gradients are the parameters' values, entry for entry: were params passed as the gradients?",
        );
      });

      it('names a Map given as params and says how to pass it', () => {
        const { x, y, parameters, correct } = notebook();
        expect(messageOf(() => expect(correct).toHaveCorrectGradients(forwardPropagationN, new Map(Object.entries(parameters)), x, y))).toContain(
          'Matcher error: params is a Map (of 6 entries); expected a record of named parameters: pass Object.fromEntries(map).',
        );
      });

      it('names a 1×1 Matrix returned as the cost and says how to get its number', () => {
        const { x, y, parameters, correct } = notebook();
        const matrixCost = (p: typeof parameters, xs: typeof x, ys: typeof y) => Matrix.from1DArray(1, 1, [forwardPropagationN(p, xs, ys)[0]]);
        expect(messageOf(() => expect(correct).toHaveCorrectGradients(matrixCost, parameters, x, y))).toContain(
          'Matcher error: forward returned a 1×1 ml-matrix Matrix (return its number: J.get(0, 0)) at the unperturbed parameters',
        );
      });

      it('says x and y were not given when forward throws without them', () => {
        const { parameters, correct } = notebook();
        expect(messageOf(() => expect(correct).toHaveCorrectGradients(forwardPropagationN, parameters))).toMatch(
          /Matcher error: forward threw at the unperturbed parameters: .* \(x and y were not given: forward is called as forward\(params, x, y\), so pass them after params\)/,
        );
      });

      it('hints at the argument order when forward throws a TypeError', () => {
        const { x, y, parameters, correct } = notebook();
        expect(messageOf(() => expect(correct).toHaveCorrectGradients(forwardPropagationN, parameters, { x }, y))).toMatch(
          /forward threw at the unperturbed parameters: .* \(forward is called as forward\(params, x, y\) with the params, x and y given to the check: are they in that order\?\)/,
        );
      });

      it('lists every accepted kind, Float32Array included, for a parameter of another kind', () => {
        const { x, y, correct } = notebook();
        expect(messageOf(() => expect(correct).toHaveCorrectGradients(forwardPropagationN, { W1: 'weights' }, x, y))).toContain(
          'W1 is the string "weights"; expected an ml-matrix Matrix, number[][], number[], Float64Array, Float32Array, a tensor-like { data, shape } or number.',
        );
      });
    });
  });
}
