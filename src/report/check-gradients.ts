import { resolveOptions } from '../options.js';
import { analyticGradients, equalsParameters } from '../parameters/analytic-gradients.js';
import { parameterSet } from '../parameters/parameter-set.js';
import { assertUnchanged, takeSnapshot } from '../parameters/snapshot.js';
import { costEvaluator } from '../perturbation/cost-evaluator.js';
import type { CheckOptions, ForwardResult, Gradients, ParamsLike } from '../types.js';
import { batchSizes } from './batch-size.js';
import type { GradientReport } from './report.js';
import { runCheck } from './run-check.js';
import { writeReport } from './write-report.js';

/**
 * Checks analytic gradients against central differences of `forward`, entry by entry, and
 * returns a report. A wrong gradient gives `pass: false`; unusable input throws a `GradcheckError`.
 * The parameters are perturbed in place and are bit-identical afterwards, whatever happens.
 */
export function checkGradients<P extends ParamsLike<P>, X = undefined, Y = undefined>(
  received: Gradients,
  forward: (params: P, x: X, y: Y) => ForwardResult,
  params: P,
  x?: X,
  y?: Y,
  options?: CheckOptions,
): GradientReport {
  const resolved = resolveOptions(options);
  const set = parameterSet(params);
  const cost = costEvaluator(forward, set, x, y);
  const snapshot = takeSnapshot(set, x, y);
  const analytic = analyticGradients(received, set, x, y);
  if (typeof received === 'function') assertUnchanged(snapshot, 'The gradient function');
  // Whether forward writes to its inputs is asked in runCheck: at the end, and first whenever something fails.
  const initialCost = cost.evaluate();
  const names = set.slots.map((slot) => slot.name);
  const report = runCheck({ set, cost, initialCost, analytic, names, snapshot, batchSizes: batchSizes(x) }, resolved);
  writeReport(report);
  return report;
}
