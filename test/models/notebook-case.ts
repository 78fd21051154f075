import {
  backwardPropagationN,
  buggyBackwardPropagationN,
  forwardPropagationN,
  gradientCheckNTestCase,
} from '../../examples/notebook/network.js';
import type { GradientReport } from '../../src/index.js';

/** The notebook's test case with both of its backprops' gradients, fresh matrices each call. */
export function notebookCase() {
  const { x, y, parameters } = gradientCheckNTestCase();
  const [, cache] = forwardPropagationN(parameters, x, y);
  return {
    x,
    y,
    parameters,
    correct: backwardPropagationN(x, y, cache),
    buggy: buggyBackwardPropagationN(x, y, cache),
  };
}

/** The labels of every failing entry a report lists, e.g. `['W2[1,3]']`. */
export function failingLabels(report: GradientReport): string[] {
  return report.parameters.flatMap((p) => p.worst.filter((e) => !e.pass).map((e) => e.label));
}
