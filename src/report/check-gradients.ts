import { type CostNoise, judgeEntries, type StepRule } from '../comparison/judge-entry.js';
import { resolveOptions } from '../options.js';
import { analyticGradients, equalsParameters } from '../parameters/analytic-gradients.js';
import { parameterSet } from '../parameters/parameter-set.js';
import { assertUnchanged, takeSnapshot } from '../parameters/snapshot.js';
import { centralDifferences } from '../perturbation/central-difference.js';
import { costEvaluator } from '../perturbation/cost-evaluator.js';
import { estimateCostNoise } from '../perturbation/cost-noise.js';
import { assertDeterministic } from '../perturbation/determinism.js';
import type { CheckOptions, ForwardResult, Gradients, ParamsLike } from '../types.js';
import { seededRandom } from '../perturbation/seeded-random.js';
import { noiseStep, stepFor } from '../perturbation/step.js';
import { batchSize } from './batch-size.js';
import { type CheckContext, checkParameter, DEFAULT_SAMPLE, DRILL_DOWN_BUDGET } from './check-parameter.js';
import { choosePlan } from './plan.js';
import { globalDifference } from './global-difference.js';
import type { GradientReport } from './report.js';

/** The probe direction for the cost's noise is fixed, so a check gives the same report every run. */
const NOISE_PROBE_SEED = 1;

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
  const before = takeSnapshot(set, x, y);
  const analytic = analyticGradients(received, set, x, y);
  if (typeof received === 'function') assertUnchanged(before, 'The gradient function');
  const started = performance.now();
  const initialCost = cost.evaluate();
  const firstForward = (performance.now() - started) / 1000;
  assertUnchanged(before, 'forward');
  let sigma: number | undefined;
  const noise: CostNoise = () => (sigma ??= estimateCostNoise(cost, set, initialCost, NOISE_PROBE_SEED));
  const stepOf: StepRule = (slot, k, known) => stepFor(slot.get(k), resolved.epsilon, slot.kind, noiseStep(known, initialCost));
  const measure = centralDifferences(cost, initialCost, resolved.epsilon !== undefined);
  const entries = set.slots.reduce((n, slot) => n + slot.size, 0);
  const plan = choosePlan({ ...resolved, entries, firstForward }, () => secondsOf(() => cost.evaluate()));
  const { mode } = plan;
  const context: CheckContext = {
    mode,
    judge: judgeEntries(measure, resolved.tolerance, noise, stepOf),
    tolerance: resolved.tolerance,
    batchSize: batchSize(x),
    random: seededRandom(resolved.seed),
    sample: resolved.sample ?? (resolved.mode === 'auto' && mode === 'fast' ? DEFAULT_SAMPLE : undefined),
    budget: resolved.budget ?? DRILL_DOWN_BUDGET,
    evaluations: () => cost.evaluations,
  };
  const parameters = set.slots.map((slot, i) => checkParameter(slot, analytic[i] as Float64Array, context));
  assertDeterministic(initialCost, cost.evaluate(), 'before and after the check');
  assertUnchanged(before, 'forward');
  const failingEntries = parameters.reduce((sum, p) => sum + p.failing, 0);
  const pass = parameters.every((p) => p.pass);
  return {
    pass,
    ...(!pass && equalsParameters(analytic, set) && { gradientsAreParameters: true }),
    difference: globalDifference(parameters),
    parameters,
    entries,
    checkedEntries: parameters.reduce((sum, p) => sum + p.checked, 0),
    mode,
    failingEntries,
    kinks: parameters.reduce((sum, p) => sum + p.kinks, 0),
    evaluations: cost.evaluations,
    cost: initialCost,
    costNoise: sigma,
    options: resolved,
    plan,
  };
}

/** Seconds one call takes. */
function secondsOf(call: () => void): number {
  const started = performance.now();
  call();
  return (performance.now() - started) / 1000;
}
