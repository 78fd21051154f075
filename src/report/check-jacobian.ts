import { GradcheckError } from '../gradcheck-error.js';
import { resolveOptions } from '../options.js';
import { analyticGradients, gradientsAt } from '../parameters/analytic-gradients.js';
import { type DoutPart, readDout } from '../parameters/layer-dout.js';
import type { LayerOutput, OutputPart } from '../parameters/layer-output.js';
import { describeValue } from '../parameters/numeric-view.js';
import { parameterSet } from '../parameters/parameter-set.js';
import { assertUnchanged, snapshotOf } from '../parameters/snapshot.js';
import { contract } from '../perturbation/contraction.js';
import { contractedCost, layerForward } from '../perturbation/layer-forward.js';
import { upstreamGradient } from '../perturbation/upstream-gradient.js';
import type { Backward, JacobianOptions, LayerResult, ParamsLike } from '../types.js';
import { layerBatchSizes } from './batch-size.js';
import { checkFullJacobian, type LayerSubject } from './check-full-jacobian.js';
import type { GradientReport, LayerReport, ResolvedOptions } from './report.js';
import { runCheck } from './run-check.js';
import { writeReport } from './write-report.js';

/** The options a layer check reads itself, beside checkGradients' own. */
const LAYER_OPTIONS = ['dout', 'jacobian'];

/**
 * Checks a layer's backward pass: backward(inputs, dout) against central differences of
 * ⟨dout, forward(inputs)⟩, entry by entry over every input (data and parameters alike), through
 * the same pipeline as `checkGradients`; with `{ jacobian: 'full' }`, the whole Jacobian one output
 * entry at a time. dout is seeded random unless `options.dout` fixes it. Returns the same report,
 * with `layer` set; unusable input throws a `GradcheckError`. The inputs are bit-identical afterwards.
 */
export function checkJacobian<I extends ParamsLike<I>>(
  backward: Backward<I>,
  forward: (inputs: I) => LayerResult,
  inputs: I,
  options?: JacobianOptions,
): GradientReport {
  const resolved = resolveOptions(options, LAYER_OPTIONS);
  const { dout: given, jacobian = 'vector' } = (options ?? {}) as JacobianOptions;
  if (jacobian !== 'vector' && jacobian !== 'full') {
    throw new GradcheckError(`options.jacobian is ${describeValue(jacobian)}; expected 'vector' or 'full'.`);
  }
  const set = parameterSet(inputs);
  const layer = layerForward(forward, set);
  const inputsBefore = snapshotOf(set, [], 'its inputs');
  const output = layer.evaluate();
  assertUnchanged(inputsBefore, 'forward');
  const counted = countedBackward(backward);
  const names = set.slots.map((slot) => `d${slot.name}`);
  const subject: LayerSubject = { set, layer, output, backward: counted.backward, names, batchSizes: layerBatchSizes(inputs) };
  const outputs = output.parts.map(({ name, view }) => ({ name, shape: view.shape }));
  const layerInfo = (ignoresDout: boolean): LayerReport => ({
    outputs,
    dout: given === undefined ? 'seeded' : 'given',
    jacobian,
    ignoresDout,
    backwardCalls: counted.calls(),
  });
  if (jacobian === 'full') {
    if (typeof backward !== 'function') {
      throw new GradcheckError("options.jacobian 'full' calls backward once per output entry: pass backward as a function (inputs, dout) => gradients.");
    }
    return written({ ...checkFullJacobian(subject, resolved), layer: layerInfo(false) });
  }
  if (typeof backward !== 'function' && given === undefined) {
    throw new GradcheckError(
      'backward is a gradients record, computed for some dout: pass that dout as options.dout, or pass backward as a function (inputs, dout) => gradients.',
    );
  }
  const { report, ignores } = checkAgainstDout(subject, given ?? upstreamGradient(output.parts, output.record, resolved.seed), resolved);
  return written({ ...report, layer: layerInfo(ignores) });
}

/** The report, once written to the report directory when one is set. */
function written(report: GradientReport): GradientReport {
  writeReport(report, 'jacobian');
  return report;
}

/**
 * The default check: backward(inputs, dout) against central differences of ⟨dout, forward(inputs)⟩
 * through the shared pipeline; and whether a function backward ignores dout, from one more call.
 */
function checkAgainstDout(subject: LayerSubject, doutValue: unknown, resolved: ResolvedOptions) {
  const { set, layer, output, backward } = subject;
  const doutParts = readDout(doutValue, output);
  const dout = doutParts.map((part) => part.view);
  const initialCost = contract(dout, output.parts.map((part) => part.view));
  const snapshot = snapshotOf(set, dout, 'its inputs or dout');
  const unchanged = () => assertUnchanged(snapshot, 'backward');
  const analytic = analyticGradients(backward, set, doutValue, undefined, unchanged);
  const secondDout = () => upstreamGradient(keyedLike(output, doutParts), output.record, resolved.seed + 1);
  const ignores = typeof backward === 'function' && ignoresDout(gradientsAt(backward, set, secondDout(), undefined, unchanged), analytic);
  const cost = contractedCost(layer, output, dout);
  const report = runCheck({ set, cost, initialCost, analytic, names: subject.names, snapshot, batchSizes: subject.batchSizes }, resolved);
  return { report, ignores };
}

/**
 * True when backward gave the very same gradients, not all zero, for a second, different dout: it
 * ignores dout (written for dout = 1, a scalar loss). Gradients are linear in dout, so only a
 * layer whose gradients are all zero may legitimately give the same twice.
 */
function ignoresDout(second: readonly Float64Array[], first: readonly Float64Array[]): boolean {
  const same = first.every((values, i) => values.every((v, k) => Object.is(v, second[i]?.[k])));
  return same && first.some((values) => values.some((v) => v !== 0));
}

/** The output's parts under the keys the user's dout used (`dh` for output h), so a second dout reads the same. */
function keyedLike(output: LayerOutput, dout: readonly DoutPart[]): OutputPart[] {
  return output.parts.map((part, i) => ({ ...part, name: dout[i]?.key ?? part.name }));
}

/** backward, counting its calls when it is a function. */
function countedBackward(backward: unknown): { backward: unknown; calls: () => number } {
  let calls = 0;
  if (typeof backward !== 'function') return { backward, calls: () => calls };
  return {
    backward: (inputs: unknown, dout: unknown) => {
      calls++;
      return backward(inputs, dout);
    },
    calls: () => calls,
  };
}
