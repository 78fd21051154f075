import type { DiagnosisInput } from '../../../src/diagnosis/diagnosis.js';
import { gatherEvidence, type Evidence } from '../../../src/diagnosis/evidence.js';
import { seededRandom } from '../../models/random.js';

/** The checker's default relative tolerance per entry. */
const TOLERANCE = 1e-6;
/** The checker's rounding allowance 16·ε·|J|/h for a cost |J| ≈ 0.7 at the default step h ≈ 7.6e-6. */
const NOISE_FLOOR = 3e-10;
/** How far a central difference strays from the true gradient on a smooth float64 model: well under the floor. */
const NUMERIC_NOISE = 5e-11;

export type Random = () => number;

/** One standard normal draw (Box–Muller). */
export function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** `size` standard normal draws times `scale`. */
export function normals(random: Random, size: number, scale = 1): Float64Array {
  return Float64Array.from({ length: size }, () => scale * normal(random));
}

/** A realistic true gradient and its central-difference estimate, for a parameter of `size` entries. */
export function gradientPair(seed: number, size: number, scale = 1) {
  const random = seededRandom(seed);
  const exact = normals(random, size, scale);
  const numeric = exact.map((g) => g + NUMERIC_NOISE * (2 * random() - 1));
  return { random, exact, numeric };
}

export interface CaseSpec {
  readonly name: string;
  readonly shape: readonly number[];
  /** The true gradient the user's backprop should have produced; zeros stay exact zeros in `numeric`. */
  readonly numeric: Float64Array;
  readonly analytic: Float64Array;
  readonly values?: Float64Array;
  /** Flat indices of entries at a kink. */
  readonly kinks?: readonly number[];
  readonly batchSize?: number;
}

/** A DiagnosisInput as the checker would fill it: allowance 1e-6 relative plus the rounding floor, failing where exceeded. */
export function caseOf(spec: CaseSpec): DiagnosisInput {
  const { analytic, numeric } = spec;
  const allowed = analytic.map((a, k) => TOLERANCE * Math.max(Math.abs(a), Math.abs(numeric[k] as number)) + NOISE_FLOOR);
  const failing = Uint8Array.from(analytic, (a, k) => (Math.abs(a - (numeric[k] as number)) > (allowed[k] as number) ? 1 : 0));
  const reliable = Uint8Array.from(analytic, (_, k) => (spec.kinks?.includes(k) ? 0 : 1));
  return {
    name: spec.name,
    shape: spec.shape,
    analytic,
    numeric,
    values: spec.values ?? normals(seededRandom(analytic.length), analytic.length),
    allowed,
    failing,
    reliable,
    batchSizes: spec.batchSize === undefined ? [] : [spec.batchSize],
  };
}

/** The evidence a pattern function receives, for calling one pattern alone. */
export function evidenceOf(spec: CaseSpec): Evidence {
  const evidence = gatherEvidence(caseOf(spec));
  if (evidence === undefined) throw new Error('test case has non-finite reliable entries');
  return evidence;
}

/**
 * Gradients no pattern should name, for a rows×columns parameter: a correct one (numeric noise
 * only), one with a 1e-5 relative error on every entry (noise above the tolerance, as float32
 * arithmetic gives), and one with large random errors on every entry (an unrelated bug).
 */
export function unpatterned(seed: number, shape: readonly number[]): { label: string; spec: CaseSpec }[] {
  const size = shape.reduce((p, d) => p * d, 1);
  const { random, exact, numeric } = gradientPair(seed, size);
  const values = normals(random, size);
  const base = { name: 'W', shape, numeric, values, batchSize: 3 };
  return [
    { label: 'correct', spec: { ...base, analytic: exact.slice() } },
    { label: 'noisy', spec: { ...base, analytic: exact.map((g) => g * (1 + 1e-5 * normal(random))) } },
    { label: 'random errors', spec: { ...base, analytic: exact.map((g) => g + 0.5 * normal(random)) } },
  ];
}
