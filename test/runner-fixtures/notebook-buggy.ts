import { buggyBackwardPropagationN, forwardPropagationN, gradientCheckNTestCase } from '../../examples/notebook/network.js';

/** The notebook's buggy backprop, asserted correct: fails on purpose, so a test can read what the runner prints. */
export function assertNotebookBuggyBackprop(expect: (value: unknown) => any): void {
  const { x, y, parameters } = gradientCheckNTestCase();
  const [, cache] = forwardPropagationN(parameters, x, y);
  expect(buggyBackwardPropagationN(x, y, cache)).toHaveCorrectGradients(forwardPropagationN, parameters, x, y);
}
