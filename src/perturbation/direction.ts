import type { ParameterSlot } from '../parameters/parameter-set.js';

/**
 * A direction through some entries of one parameter, seen as a single entry t: setting t moves
 * entry i to θᵢ + t·dᵢ, with dᵢ = ±max(|θᵢ|, 1)/√n over n entries (a random sign, scaled like the
 * per-entry step, and by 1/√n so that the whole move ‖d‖·t is about one entry's step: a move of
 * every entry by its own step at once crosses the ReLU kinks and curvature of all of them).
 * Central differences of this one-entry slot measure the directional derivative Σ dᵢ·∂J/∂θᵢ
 * with the same perturbation loop as single entries; t = 0 writes the exact original values back.
 */
export interface Direction {
  readonly slot: ParameterSlot;
  /** Σ dᵢ·gᵢ: what the analytic gradient `g` predicts for the directional derivative. */
  project(gradient: Float64Array): number;
}

export function direction(parameter: ParameterSlot, indices: readonly number[], random: () => number): Direction {
  const originals = Float64Array.from(indices, (k) => parameter.get(k));
  const spread = Math.sqrt(indices.length);
  const scales = Float64Array.from(originals, (v) => ((random() < 0.5 ? -1 : 1) * Math.max(Math.abs(v), 1)) / spread);
  let t = 0;
  const slot: ParameterSlot = {
    name: parameter.name,
    kind: 'scalar',
    // t is a float64 number: float32's wider step made fast checks of correct float32 tensors fail more often.
    float32: false,
    shape: [],
    size: 1,
    get: () => t,
    set: (_k, value) => {
      t = value;
      for (let j = 0; j < indices.length; j++) {
        const original = originals[j] as number;
        parameter.set(indices[j] as number, value === 0 ? original : original + value * (scales[j] as number));
      }
    },
    read: (into, offset) => {
      into[offset] = t;
    },
  };
  return {
    slot,
    project: (gradient) => indices.reduce((sum, k, j) => sum + (scales[j] as number) * (gradient[k] as number), 0),
  };
}
