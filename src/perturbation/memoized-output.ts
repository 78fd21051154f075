import { flatOutput, type LayerOutput } from '../parameters/layer-output.js';
import type { ParameterSet, ParameterSlot } from '../parameters/parameter-set.js';
import { callWithShapeOf, type LayerForward } from './layer-forward.js';

/**
 * A layer's flat output at the inputs as they stand, calling forward only at points not seen
 * before: a full Jacobian judges one output entry at a time at the same perturbed points, so its
 * numeric side costs what one scalar check costs. Keyed by every input's exact bits.
 */
export function memoizedOutput(layer: LayerForward, set: ParameterSet, reference: LayerOutput) {
  const call = callWithShapeOf(layer, reference);
  const seen = new Map<string, Float64Array>([[keyOf(set), flatOutput(reference)]]);
  return (slot?: ParameterSlot, k?: number): Float64Array => {
    const key = keyOf(set);
    let output = seen.get(key);
    if (output === undefined) {
      output = flatOutput(call(slot, k));
      seen.set(key, output);
    }
    return output;
  };
}

function keyOf(set: ParameterSet): string {
  const bits: string[] = [];
  for (const slot of set.slots) for (let k = 0; k < slot.size; k++) bits.push(Object.is(slot.get(k), -0) ? '-0' : String(slot.get(k)));
  return bits.join(',');
}
