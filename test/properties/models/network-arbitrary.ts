import fc from 'fast-check';
import type { Activation, Head, Kind, LayerSpec, NetworkSpec, Returns } from './network.js';

const activations: readonly Activation[] = ['identity', 'tanh', 'sigmoid', 'softmax'];
const heads: readonly Head[] = ['squared', 'softmax-cross-entropy', 'sigmoid-cross-entropy'];

/**
 * Random smooth models: depth 1–3, widths 1–6, batch 1–5, every activation and head, an L2 term
 * or none, parameters and gradients as ml-matrix Matrices (mostly) or number[][]. The structure
 * comes from fast-check (so it shrinks); the numbers from `seed` (so a counterexample replays).
 */
export const networkSpec: fc.Arbitrary<NetworkSpec> = fc
  .record({
    seed: fc.integer(),
    inputs: fc.integer({ min: 1, max: 6 }),
    layers: fc.array(
      fc.record({ units: fc.integer({ min: 1, max: 6 }), activation: fc.constantFrom(...activations) }),
      { minLength: 1, maxLength: 3 },
    ),
    pool: fc.boolean(),
    head: fc.constantFrom(...heads),
    lambda: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1, noNaN: true })),
    batch: fc.integer({ min: 1, max: 5 }),
    kinds: fc.array(fc.tuple(fc.constantFrom<Kind>('matrix', 'matrix', 'rows'), fc.constantFrom<Kind>('matrix', 'rows'), fc.boolean()), {
      minLength: 6,
      maxLength: 6,
    }),
    returns: fc.constantFrom<Returns>('number', 'pair', 'object'),
  })
  .map(({ seed, inputs, layers, pool, head, lambda, batch, kinds, returns }): NetworkSpec => {
    // Cross-entropy heads read the last layer's logits: its activation is the identity, and nothing is pooled.
    const logits = head !== 'squared';
    const fixed: LayerSpec[] = layers.map((layer, l) =>
      logits && l === layers.length - 1 ? { ...layer, activation: 'identity' } : layer,
    );
    const used = kinds.slice(0, 2 * fixed.length);
    return {
      seed,
      inputs,
      layers: fixed,
      pool: pool && !logits,
      head,
      lambda,
      batch,
      parameterKinds: used.map(([kind]) => kind),
      gradientKinds: used.map(([, kind]) => kind),
      dPrefix: used.map(([, , d]) => d),
      returns,
    };
  });

/** A one-line description of a spec, for assertion messages. */
export function describeSpec(spec: NetworkSpec): string {
  const layers = spec.layers.map((l) => `${l.units}:${l.activation}`).join(' → ');
  return `seed ${spec.seed}: ${spec.inputs} → ${layers}${spec.pool ? ' → lse' : ''} → ${spec.head}, λ=${spec.lambda}, m=${spec.batch}`;
}
