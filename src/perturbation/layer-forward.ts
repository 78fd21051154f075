import { assertFiniteOutput, assertSameOutputShape, type LayerOutput, readLayerOutput } from '../parameters/layer-output.js';
import type { NumericView } from '../parameters/numeric-view.js';
import type { ParameterSet, ParameterSlot } from '../parameters/parameter-set.js';
import { contract, contractionTermSize } from './contraction.js';
import type { CostEvaluator } from './cost-evaluator.js';
import { type CountedForward, countedForward, where } from './counted-forward.js';

/** Calls a layer's `forward(inputs)` at the inputs as they stand and reads its output (`evaluate`). */
export type LayerForward = CountedForward<LayerOutput>;

export function layerForward(forward: unknown, set: ParameterSet): LayerForward {
  return countedForward(forward, '(inputs) => output', (f) => f(set.argument()), (result, slot, k) => {
    const output = readLayerOutput(result);
    assertFiniteOutput(output, () => where(slot, k));
    return output;
  });
}

/** The layer's output now, refused unless it keeps the parts and shapes of `reference` (the output at the unperturbed inputs). */
export function callWithShapeOf(layer: LayerForward, reference: LayerOutput) {
  return (slot?: ParameterSlot, k = 0): LayerOutput => {
    const output = layer.evaluate(slot, k);
    assertSameOutputShape(reference, output, () => where(slot, k));
    return output;
  };
}

/** The layer's output contracted with `dout`, ⟨dout, forward(inputs)⟩: the scalar cost the shared pipeline checks. */
export function contractedCost(layer: LayerForward, reference: LayerOutput, dout: readonly NumericView[]): CostEvaluator {
  const call = callWithShapeOf(layer, reference);
  const outputs = reference.parts.map((part) => part.view);
  return {
    get evaluations() {
      return layer.evaluations;
    },
    evaluate: (slot, k) =>
      contract(
        dout,
        call(slot, k).parts.map((part) => part.view),
      ),
    termSize: contractionTermSize(dout, outputs),
  };
}
