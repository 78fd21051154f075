// The notebook's gradient checks, as a Jest user writes them
// (jest.config.mjs registers the matcher with `setupFilesAfterEnv: ['gradcheck/jest']`).
import { expect, test } from '@jest/globals';
import { backward1d, backwardPropagationN, buggyBackwardPropagationN, forward1d, forwardPropagationN, gradientCheckNTestCase } from './network.js';

const { x, y, parameters } = gradientCheckNTestCase();

test('1-D: dJ/dθ = x, checked at the notebook’s own step', () => {
  expect(backward1d(2)).toHaveCorrectGradients(forward1d, 4, 2, undefined, { epsilon: 1e-7 });
});

test('backprop as a function of (params, x, y): the corrected one passes, the notebook’s fails', () => {
  const correct = (p: typeof parameters) => backwardPropagationN(x, y, forwardPropagationN(p, x, y)[1]);
  const buggy = (p: typeof parameters) => buggyBackwardPropagationN(x, y, forwardPropagationN(p, x, y)[1]);
  expect(correct).toHaveCorrectGradients(forwardPropagationN, parameters, x, y);
  expect(buggy).not.toHaveCorrectGradients(forwardPropagationN, parameters, x, y);
});
