// The notebook's gradient checks, as a Vitest user writes them
// (vitest.config.ts registers the matcher with `setupFiles: ['gradcheck/vitest']`).
import { describe, expect, it } from 'vitest';
import {
  backward1d,
  backwardPropagationN,
  buggyBackwardPropagationN,
  forward1d,
  forwardPropagationN,
  gradientCheckNTestCase,
} from './network.js';

describe('notebook gradient checks (Vitest)', () => {
  const { x, y, parameters } = gradientCheckNTestCase();
  const [, cache] = forwardPropagationN(parameters, x, y);

  it('1-D: dJ/dθ = x', () => {
    expect(backward1d(2)).toHaveCorrectGradients(forward1d, 4, 2);
  });

  it('the corrected backprop is right', () => {
    expect(backwardPropagationN(x, y, cache)).toHaveCorrectGradients(forwardPropagationN, parameters, x, y);
  });

  it('the notebook’s backprop as written is wrong', () => {
    expect(buggyBackwardPropagationN(x, y, cache)).not.toHaveCorrectGradients(forwardPropagationN, parameters, x, y);
  });
});
