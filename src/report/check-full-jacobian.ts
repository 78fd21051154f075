import { entryIndex, entryLabel } from '../layout/entry-index.js';
import { gradientsAt } from '../parameters/analytic-gradients.js';
import { readDout } from '../parameters/layer-dout.js';
import { flatOutput, type LayerOutput, outputLabels } from '../parameters/layer-output.js';
import type { ParameterSet } from '../parameters/parameter-set.js';
import { assertUnchanged, snapshotOf } from '../parameters/snapshot.js';
import type { CostEvaluator } from '../perturbation/cost-evaluator.js';
import { assertDeterministic } from '../perturbation/determinism.js';
import type { LayerForward } from '../perturbation/layer-forward.js';
import { memoizedOutput } from '../perturbation/memoized-output.js';
import { unitUpstreamGradient } from '../perturbation/upstream-gradient.js';
import { globalDifference } from './global-difference.js';
import { jacobianBlock } from './jacobian-block.js';
import type { GradientReport, ResolvedOptions } from './report.js';
import { runCheck } from './run-check.js';

/** A layer, its output at the unperturbed inputs (its first call, not yet followed by another), and its backward. */
export interface LayerSubject {
  readonly set: ParameterSet;
  readonly layer: LayerForward;
  readonly output: LayerOutput;
  readonly backward: unknown;
  /** The report name of each input's block: `dx`. */
  readonly names: readonly string[];
  readonly batchSizes: readonly number[];
}

/**
 * The whole Jacobian, one output entry j at a time: backward(inputs, e_j) (row j, one backward
 * call) against central differences of out_j, each row through the shared pipeline. Forwards are
 * memoized by input values, so the numeric side costs 2N + 2 forwards for all rows together (more
 * only where an entry needs refining). The rows are then merged into one block per input.
 */
export function checkFullJacobian(subject: LayerSubject, resolved: ResolvedOptions): GradientReport {
  const { set, layer, output, backward, names, batchSizes } = subject;
  const reference = flatOutput(output);
  const outputOf = memoizedOutput(layer, set, output);
  const rows = Array.from(reference, (initialCost, j) => {
    const unit = unitUpstreamGradient(output.parts, output.record, j);
    const snapshot = snapshotOf(set, readDout(unit, output).map((part) => part.view), 'its inputs or dout');
    const analytic = gradientsAt(backward, set, unit, undefined);
    assertUnchanged(snapshot, 'backward');
    const cost: CostEvaluator = {
      get evaluations() {
        return layer.evaluations;
      },
      evaluate: (slot, k) => outputOf(slot, k)[j] as number,
    };
    return runCheck({ set, cost, initialCost, analytic, names, snapshot, batchSizes }, resolved);
  });
  // The rows' own determinism checks read the memo: call forward afresh once.
  const after = flatOutput(layer.evaluate());
  reference.forEach((value, j) => assertDeterministic(value, after[j] as number, 'before and after the check'));
  const labels = outputLabels(output);
  const parameters = set.slots.map((slot, i) =>
    jacobianBlock(
      rows.map((row) => row.parameters[i] as GradientReport['parameters'][number]),
      { name: names[i] as string, outputLabels: labels, inputLabels: Array.from({ length: slot.size }, (_, k) => entryLabel(slot.name, entryIndex(slot.shape, k))) },
    ),
  );
  const noisiest = rows.reduce((a, b) => ((b.costNoise ?? 0) > (a.costNoise ?? 0) ? b : a));
  return {
    ...noisiest,
    pass: parameters.every((p) => p.pass),
    difference: globalDifference(parameters),
    parameters,
    entries: parameters.reduce((n, p) => n + p.size, 0),
    checkedEntries: parameters.reduce((n, p) => n + p.checked, 0),
    failingEntries: parameters.reduce((n, p) => n + p.failing, 0),
    unverifiableEntries: parameters.reduce((n, p) => n + p.unverifiable, 0),
    kinks: parameters.reduce((n, p) => n + p.kinks, 0),
    evaluations: layer.evaluations,
  };
}
