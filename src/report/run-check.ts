import { type CostNoise, judgeEntries, type JudgeRules } from '../comparison/judge-entry.js';
import { sweepFailing } from '../comparison/step-sweep.js';
import { equalsParameters } from '../parameters/analytic-gradients.js';
import type { ParameterSet } from '../parameters/parameter-set.js';
import { assertUnchanged, type Snapshot } from '../parameters/snapshot.js';
import { centralDifferences } from '../perturbation/central-difference.js';
import type { CostEvaluator } from '../perturbation/cost-evaluator.js';
import { estimateCostNoise } from '../perturbation/cost-noise.js';
import { assertDeterministic, recheckOnFailure } from '../perturbation/determinism.js';
import { seededRandom } from '../perturbation/seeded-random.js';
import { noiseStep, stepFloor, stepFor } from '../perturbation/step.js';
import { type CheckContext, checkParameter, DEFAULT_SAMPLE, DRILL_DOWN_BUDGET } from './check-parameter.js';
import { choosePlan } from './plan.js';
import { globalDifference } from './global-difference.js';
import type { GradientReport, ResolvedOptions } from './report.js';

/** The probe direction for the cost's noise is fixed, so a check gives the same report every run. */
const NOISE_PROBE_SEED = 1;

/**
 * What a check kind hands the shared pipeline: a scalar cost over a set of entries to perturb
 * (a model's cost J, or a layer's ⟨dout, output⟩), the analytic gradient of each entry, and how
 * the report names each slot. Everything else (steps, verdicts, modes, diagnosis) is common.
 */
export interface CheckSubject {
  readonly set: ParameterSet;
  readonly cost: CostEvaluator;
  /** The cost at the unperturbed entries, already evaluated (and checked for side effects) by the caller. */
  readonly initialCost: number;
  /** One analytic gradient per slot, row-major. */
  readonly analytic: readonly Float64Array[];
  /** The name each slot's report goes by (`W2`, or `dx` for a layer input); labels follow it (`dx[2,3]`). */
  readonly names: readonly string[];
  /** The numbers the cost must leave bit-identical. */
  readonly snapshot: Snapshot;
  /** m, for a diagnosis that names a missing 1/m. */
  readonly batchSizes: readonly number[];
}

/**
 * The shared pipeline: judges every slot of `subject` (full, fast or sampled), checks that the
 * cost is deterministic and left its inputs alone, and sums the verdicts up in a report.
 */
export function runCheck(subject: CheckSubject, resolved: ResolvedOptions): GradientReport {
  const { set, cost, initialCost, analytic, names } = subject;
  // A second J first, so a cost that is not deterministic (dropout, unseeded noise) is named as such;
  // its time (warm, unlike the first call's) feeds the plan.
  const firstForward = secondsOf(() => assertDeterministic(initialCost, cost.evaluate(), 'in its first two calls'));
  let sigma: number | undefined;
  const noise: CostNoise = () => (sigma ??= estimateCostNoise(cost, set, initialCost, NOISE_PROBE_SEED));
  const rules: JudgeRules = {
    tolerance: resolved.tolerance,
    noise,
    stepOf: (slot, k, known) => stepFor(slot.get(k), resolved.epsilon, slot.float32, noiseStep(known, initialCost)),
    floorOf: (slot, k) => stepFloor(slot.get(k), slot.float32),
    nominal: resolved.epsilon !== undefined,
    cost: initialCost,
  };
  const measure = centralDifferences(cost, initialCost);
  const entries = set.slots.reduce((n, slot) => n + slot.size, 0);
  const plan = choosePlan({ ...resolved, entries, firstForward }, () => secondsOf(() => cost.evaluate()));
  const { mode } = plan;
  const context: CheckContext = {
    mode,
    judge: judgeEntries(measure, rules),
    tolerance: resolved.tolerance,
    batchSizes: subject.batchSizes,
    random: seededRandom(resolved.seed),
    sample: resolved.sample ?? (resolved.mode === 'auto' && mode === 'fast' ? DEFAULT_SAMPLE : undefined),
    budget: resolved.budget ?? DRILL_DOWN_BUDGET,
    evaluations: () => cost.evaluations,
  };
  const parameters = recheckOnFailure(cost, initialCost, () =>
    set.slots.map((slot, i) => checkParameter(slot, analytic[i] as Float64Array, context, names[i])),
  );
  assertDeterministic(initialCost, cost.evaluate(), 'before and after the check');
  assertUnchanged(subject.snapshot, 'forward');
  const evaluations = cost.evaluations;
  // For a report file only: each failing parameter's worst entries swept over steps (forwards not counted in `evaluations`).
  const sweeps =
    resolved.reportDir === undefined ? undefined : sweepFailing(set.slots, parameters, measure, (slot, k) => rules.stepOf(slot, k, 0));
  const pass = parameters.every((p) => p.pass);
  return {
    pass,
    ...(!pass && equalsParameters(analytic, set) && { gradientsAreParameters: true }),
    difference: globalDifference(parameters),
    parameters,
    entries,
    checkedEntries: parameters.reduce((sum, p) => sum + p.checked, 0),
    mode,
    failingEntries: parameters.reduce((sum, p) => sum + p.failing, 0),
    unverifiableEntries: parameters.reduce((sum, p) => sum + p.unverifiable, 0),
    kinks: parameters.reduce((sum, p) => sum + p.kinks, 0),
    evaluations,
    cost: initialCost,
    costNoise: sigma,
    options: resolved,
    plan,
    ...(sweeps && { sweeps }),
  };
}

/** Seconds one call takes. */
function secondsOf(call: () => void): number {
  const started = performance.now();
  call();
  return (performance.now() - started) / 1000;
}
