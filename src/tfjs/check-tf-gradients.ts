import * as tf from '@tensorflow/tfjs-core';
import { GradcheckError } from '../gradcheck-error.js';
import { resolveOptions } from '../options.js';
import { describeValue } from '../parameters/numeric-view.js';
import { checkGradients } from '../report/check-gradients.js';
import type { GradientReport } from '../report/report.js';
import { reportedAs } from '../report/write-report.js';
import { referenceCost, tfCost } from './tf-cost.js';
import { tfGradients, tfOutputShape } from './tf-gradients.js';
import { type TfInputSet, tfInputSet } from './tf-inputs.js';
import { doutFor } from './tf-output.js';
import type { Float64Input, TfCheckOptions, TfFunction, TfInputs, UntypedFunction } from './tf-types.js';

/**
 * Checks tfjs's gradients of `f` at `inputs` against central differences of the same `f` on the same
 * backend (or of `options.reference` in float64): the scalar checked is ⟨dout, f(inputs)⟩, each input
 * a parameter labelled with its shape, stored in float32 as tfjs keeps it. Returns `checkGradients`'s
 * report. Every tensor it makes is disposed, and inputs and variables are bit-identical afterwards.
 */
export function checkTfGradients<I extends TfInputs>(f: TfFunction<I>, inputs: I, options?: TfCheckOptions<I>): GradientReport {
  if (typeof f !== 'function') throw new GradcheckError(`f is ${describeValue(f)}; expected a function of tensors returning a tensor.`);
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new GradcheckError(`options is ${describeValue(options)}; expected an object such as { seed: 2 }.`);
  }
  const { dout, reference, ...checkOptions } = options ?? {};
  const call = f as UntypedFunction;
  const { seed } = resolveOptions(checkOptions);
  const set = tfInputSet(inputs);
  try {
    const outputShape = tfOutputShape(call, set);
    const cotangent = doutFor(dout, outputShape, seed);
    const gradients = tfGradients(call, set, cotangent, outputShape);
    const received = Object.fromEntries(set.slots.map(({ name, shape }, i) => [name, { data: gradients[i] as Float32Array, shape }]));
    if (reference !== undefined) {
      if (typeof reference !== 'function') throw new GradcheckError(`options.reference is ${describeValue(reference)}; expected a function.`);
      const values: Float64Input[] = set.slots.map(({ original, shape }) => ({ data: Float64Array.from(original), shape }));
      const cost = referenceCost(reference as UntypedFunction, set, values, cotangent);
      return reportedAs('tf-gradients', () => checkGradients(received, cost, named(set, values), undefined, undefined, checkOptions));
    }
    const values = set.slots.map(({ original }) => original.slice());
    const params = named(set, set.slots.map(({ shape }, i) => ({ data: values[i] as Float32Array, shape })));
    const cost = tfCost(call, set, values, cotangent, outputShape);
    return reportedAs('tf-gradients', () => checkGradients(received, cost, params, undefined, undefined, checkOptions));
  } finally {
    restoreVariables(set);
  }
}

function named<T>(set: TfInputSet, values: readonly T[]): Record<string, T> {
  return Object.fromEntries(set.slots.map((slot, i) => [slot.name, values[i] as T]));
}

/** Puts every variable's own numbers back (the cost assigns perturbed ones), bit for bit. */
function restoreVariables(set: TfInputSet): void {
  for (const { variable, original, shape } of set.slots) {
    if (variable !== undefined) tf.tidy(() => variable.assign(tf.tensor(original.slice(), shape, 'float32')));
  }
}
