import { type CostNoise, judgeEntries, type JudgeRules } from '../comparison/judge-entry.js';
import { sweepFailing } from '../comparison/step-sweep.js';
import { equalsParameters } from '../parameters/analytic-gradients.js';
import type { ParameterSet } from '../parameters/parameter-set.js';
import { assertUnchanged, type Snapshot } from '../parameters/snapshot.js';
import { centralDifferencesEach, singly } from '../perturbation/central-difference.js';
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
  // Whether the calls left their inputs alone is asked at the end, and first whenever something fails: a
  // forward that writes to its inputs is then named as such (and the inputs restored) rather than the symptom.
  const intact = () => assertUnchanged(subject.snapshot, 'forward');
  // A second J first, so a cost that is not deterministic (dropout, unseeded noise) is named as such;
  // its time (warm, unlike the first call's) feeds the plan.
  const firstForward = secondsOf(() => {
    const second = cost.evaluate();
    if (second !== initialCost) intact();
    assertDeterministic(initialCost, second, 'in its first two calls');
  });
  let sigma: number | undefined;
  const noise: CostNoise = () => (sigma ??= estimateCostNoise(cost, set, initialCost, NOISE_PROBE_SEED));
  const rules: JudgeRules = {
    tolerance: resolved.tolerance,
    noise,
    stepOf: (value, float32, known) => stepFor(value, resolved.epsilon, float32, known === 0 ? 0 : noiseStep(known, initialCost)),
    floorOf: (slot, k) => stepFloor(slot.get(k), slot.float32),
    nominal: resolved.epsilon !== undefined,
    cost: initialCost,
    magnitude: Math.max(Math.abs(initialCost), cost.termSize ?? 0),
  };
  const measureEach = centralDifferencesEach(cost, initialCost);
  const entries = set.slots.reduce((n, slot) => n + slot.size, 0);
  const { mode: requested, timeBudget, budget } = resolved;
  const plan = choosePlan({ mode: requested, entries, timeBudget, budget, firstForward }, () => secondsOf(() => cost.evaluate()));
  const { mode } = plan;
  const context: CheckContext = {
    mode,
    judge: judgeEntries(measureEach, rules),
    tolerance: resolved.tolerance,
    batchSizes: subject.batchSizes,
    random: seededRandom(resolved.seed),
    sample: resolved.sample ?? (resolved.mode === 'auto' && mode === 'fast' ? DEFAULT_SAMPLE : undefined),
    budget: resolved.budget ?? DRILL_DOWN_BUDGET,
    evaluations: () => cost.evaluations,
  };
  const parameters = recheckOnFailure(
    cost,
    initialCost,
    () => set.slots.map((slot, i) => checkParameter(slot, analytic[i] as Float64Array, context, names[i])),
    intact,
  );
  const last = cost.evaluate();
  intact();
  assertDeterministic(initialCost, last, 'before and after the check');
  const evaluations = cost.evaluations;
  // For a report file only: each failing parameter's worst entries swept over steps (forwards not counted in `evaluations`).
  const sweeps =
    resolved.reportDir === undefined ? undefined : sweepFailing(set.slots, parameters, singly(measureEach), (slot, k) => rules.stepOf(slot.get(k), slot.float32, 0));
  const pass = parameters.every((p) => p.pass);
  // Optional fields last: a field after a spread is defined by a runtime call, not the literal's template.
  return {
    pass,
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
    ...(!pass && equalsParameters(analytic, set) && { gradientsAreParameters: true }),
    ...(sweeps && { sweeps }),
  };
}

/** Seconds one call takes. */
function secondsOf(call: () => void): number {
  const started = performance.now();
  call();
  return (performance.now() - started) / 1000;
}
