import { everyIndex } from '../layout/entry-index.js';
import { flatLayout } from '../layout/flat-layout.js';
import { roll } from '../layout/unroll.js';
import { resolveOptions } from '../options.js';
import { parameterSet } from '../parameters/parameter-set.js';
import type { CheckOptions, ForwardResult, Params, ParamsLike } from '../types.js';
import { centralDifferencesEach, differencesFor } from './central-difference.js';
import { costEvaluator } from './cost-evaluator.js';
import { stepFor } from './step.js';

/**
 * The central-difference gradient of `forward` at `params`, shaped like `params` (each parameter
 * of the kind it was given). `options.epsilon` fixes the step, as in the notebook.
 */
export function numericalGradient<P extends ParamsLike<P>, X = undefined, Y = undefined>(
  forward: (params: P, x: X, y: Y) => ForwardResult,
  params: P,
  x?: X,
  y?: Y,
  options?: Pick<CheckOptions, 'epsilon'>,
): Params {
  const { epsilon } = resolveOptions(options);
  const set = parameterSet(params);
  const cost = costEvaluator(forward, set, x, y);
  const measureEach = centralDifferencesEach(cost, cost.evaluate());
  const layout = flatLayout(set);
  const vector = new Float64Array(layout.size);
  let offset = 0;
  for (const slot of set.slots) {
    const measured = differencesFor(slot.size);
    measureEach(slot, everyIndex(slot.size), (value) => stepFor(value, epsilon, slot.float32), epsilon !== undefined, measured);
    vector.set(measured.central, offset);
    offset += slot.size;
  }
  return roll(vector, layout);
}
