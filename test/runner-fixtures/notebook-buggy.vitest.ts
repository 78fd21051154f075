import { expect, it } from 'vitest';
import { buggyBackwardPropagationN, forwardPropagationN, gradientCheckNTestCase } from '../../examples/notebook/network.js';

it('notebook buggy backprop', () => {
  const { x, y, parameters } = gradientCheckNTestCase();
  const [, cache] = forwardPropagationN(parameters, x, y);
  expect(buggyBackwardPropagationN(x, y, cache)).toHaveCorrectGradients(forwardPropagationN, parameters, x, y);
});
