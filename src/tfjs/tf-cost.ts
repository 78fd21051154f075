import * as tf from '@tensorflow/tfjs-core';
import { GradcheckError } from '../gradcheck-error.js';
import { finiteValues, numericView } from '../parameters/numeric-view.js';
import { dot } from '../perturbation/contraction.js';
import { callF } from './tf-gradients.js';
import type { TfInputSet } from './tf-inputs.js';
import { assertOutputShape, tfOutput } from './tf-output.js';
import type { UntypedFunction, Float64Input } from './tf-types.js';

/**
 * The cost ⟨dout, f(inputs)⟩ with each input's numbers read from `values` (perturbed in place by the
 * check): tensors rebuilt, variables assigned, every tensor made disposed by `tf.tidy`.
 */
export function tfCost(f: UntypedFunction, set: TfInputSet, values: readonly Float32Array[], dout: Float64Array, shape: readonly number[]) {
  return () =>
    tf.tidy(() => {
      const tensors = set.slots.map(({ variable, shape }, i) => {
        // A copy: tfjs keeps a typed array it is given, and `values` changes under it.
        const tensor = tf.tensor((values[i] as Float32Array).slice(), shape, 'float32');
        if (variable === undefined) return tensor;
        variable.assign(tensor);
        return variable;
      });
      const output = tfOutput(callF(f, set, tensors));
      assertOutputShape(output, shape);
      return dot(dout, output.dataSync());
    });
}

/** The cost ⟨dout, reference(inputs)⟩ in float64, with the inputs as `{ data: Float64Array, shape }` (perturbed in place). */
export function referenceCost(reference: UntypedFunction, set: TfInputSet, inputs: readonly Float64Input[], dout: Float64Array) {
  return () => {
    const output = numericView('the reference output', reference(...set.arrange(inputs)));
    const values = finiteValues('the reference output', output);
    if (values.length !== dout.length) {
      throw new GradcheckError(`options.reference returned ${values.length} numbers but f's output has ${dout.length}.`);
    }
    return dot(dout, values);
  };
}
