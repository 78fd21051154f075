import { seededRandom } from '../../models/random.js';

/** The piecewise-linear pieces a kinked model is built from. */
export type Activation = 'relu' | 'abs';
export type Loss = 'squared' | 'mae';

/** The shape of a random kinked model and where its planted kinks sit. */
export interface KinkedSpec {
  readonly seed: number;
  readonly activation: Activation;
  readonly loss: Loss;
  /** Max-pool over the hidden units (o = v₀·max_j aⱼ) rather than a weighted sum. */
  readonly pool: boolean;
  /**
   * Kinks planted for hidden unit 0: pre-activations of examples 0, 1, … at these signed distances
   * from 0, relative to max(|b₀|, 1), so they sit that far from b₀ along b₀ (1e-11 to 1e-5, either side).
   */
  readonly kinks: readonly number[];
}

export type KinkedParams = { W: number[][]; b: number[]; v: number[] };

/** A branch choice per example and unit: +1, −1 or 0 (the derivative of the activation there). */
type Branches = number[][];

/**
 * z = W·xᵢ + b, a = act(z), o = Σ vⱼaⱼ (or v₀·max aⱼ), loss (o − y)² or |o − y| averaged over
 * examples. Hand-written backprop with the conventions a user's code has: relu'(0) = 0,
 * sign(0) = 0, the first argmax. `flip` computes the gradient with one example's branch at unit 0
 * taken on the other side of its kink: the bug of the wrong side.
 */
export function kinkedModel(spec: KinkedSpec) {
  const random = seededRandom(spec.seed);
  const inputs = 3;
  const hidden = 3;
  const examples = Math.max(4, spec.kinks.length + 2);
  const uniform = () => random() * 2 - 1;
  const W = Array.from({ length: hidden }, () => Array.from({ length: inputs }, uniform));
  const b = Array.from({ length: hidden }, () => 0.5 * uniform());
  const v = Array.from({ length: hidden }, () => uniform() + (random() < 0.5 ? -0.5 : 0.5));
  const x = Array.from({ length: examples }, () => Array.from({ length: inputs }, uniform));
  const y = Array.from({ length: examples }, uniform);
  const dot = (row: readonly number[], xi: readonly number[]) => row.reduce((s, w, k) => s + w * xi[k]!, 0);
  // Unit 0: b₀ puts example 0 at its kink distance; the other planted examples are moved along W₀ to theirs.
  const scale = () => Math.max(Math.abs(b[0]!), 1);
  if (spec.kinks.length > 0) {
    b[0] = -dot(W[0]!, x[0]!) + spec.kinks[0]! * Math.max(Math.abs(-dot(W[0]!, x[0]!)), 1);
    const w0 = W[0]!;
    const norm2 = dot(w0, w0);
    spec.kinks.slice(1).forEach((distance, i) => {
      const xi = x[i + 1]!;
      const shift = (distance * scale() - (dot(w0, xi) + b[0]!)) / norm2;
      for (let k = 0; k < inputs; k++) xi[k] = xi[k]! + shift * w0[k]!;
    });
  }

  const act = (z: number) => (spec.activation === 'relu' ? Math.max(z, 0) : Math.abs(z));
  const slope = (z: number) => (spec.activation === 'relu' ? (z > 0 ? 1 : 0) : Math.sign(z));
  const lossOf = (r: number) => (spec.loss === 'squared' ? r * r : Math.abs(r));
  const lossSlope = (r: number) => (spec.loss === 'squared' ? 2 * r : Math.sign(r));

  const forwardPass = (p: KinkedParams) =>
    x.map((xi) => {
      const z = p.W.map((row, j) => dot(row, xi) + p.b[j]!);
      const a = z.map(act);
      const argmax = a.indexOf(Math.max(...a));
      const o = spec.pool ? p.v[0]! * (a[argmax] as number) : a.reduce((s, aj, j) => s + p.v[j]! * aj, 0);
      return { z, a, argmax, o };
    });

  const forward = (p: KinkedParams) =>
    forwardPass(p).reduce((s, { o }, i) => s + lossOf(o - y[i]!), 0) / examples;

  const gradientWith = (p: KinkedParams, branches: Branches): KinkedParams => {
    const g: KinkedParams = { W: p.W.map((row) => row.map(() => 0)), b: p.b.map(() => 0), v: p.v.map(() => 0) };
    forwardPass(p).forEach(({ a, argmax, o }, i) => {
      const dO = lossSlope(o - y[i]!) / examples;
      for (let j = 0; j < hidden; j++) {
        const routed = spec.pool ? (j === argmax ? p.v[0]! : 0) : p.v[j]!;
        if (spec.pool ? j === 0 : true) g.v[j] = g.v[j]! + dO * (spec.pool ? (a[argmax] as number) : a[j]!);
        const dz = dO * routed * branches[i]![j]!;
        g.b[j] = g.b[j]! + dz;
        for (let k = 0; k < inputs; k++) g.W[j]![k] = g.W[j]![k]! + dz * x[i]![k]!;
      }
    });
    return g;
  };
  const branchesAt = (p: KinkedParams): Branches => forwardPass(p).map(({ z }) => z.map(slope));

  const params = (): KinkedParams => ({ W: W.map((row) => [...row]), b: [...b], v: [...v] });
  return {
    params,
    forward,
    gradient: (p: KinkedParams) => gradientWith(p, branchesAt(p)),
    /** The gradient with example `example`'s branch at unit 0 taken from the other side of its kink. */
    wrongSide: (p: KinkedParams, example: number) => {
      const branches = branchesAt(p);
      const row = branches[example]!;
      const z = forwardPass(p)[example]!.z[0]!;
      row[0] = spec.activation === 'relu' ? (z > 0 ? 0 : 1) : -Math.sign(z) || 1;
      return gradientWith(p, branches);
    },
  };
}
