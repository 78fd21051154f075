import type { ParameterSet, ParameterSlot } from '../parameters/parameter-set.js';
import type { CostEvaluator } from './cost-evaluator.js';
import { seededRandom } from './seeded-random.js';

/**
 * Probe spacings, relative to each entry's magnitude, tried in turn until the cost moves along
 * the probe: 2⁻⁴⁰ ≈ 9.1e-13 keeps a smooth cost's third and higher differences far below float64
 * rounding, and the probe's points within 4e-12 of θ, where few kinks lie (ReLU pre-activations
 * a few 1e-9 from 0 would read as noise at wider spacings); a finer spacing reads less than the
 * cost's real noise, its rounding errors still correlated from point to point. 2⁻²⁰ and 2⁻¹² reach
 * costs that only change in float32 steps (parameters or intermediates rounded to float32, whose
 * resolution is 6e-8), where a smooth cost's high differences (≈ 1e-18 and 1e-11 of its third
 * derivative) still sit below that rounding.
 */
export const NOISE_PROBE_STEPS = [2 ** -40, 2 ** -20, 2 ** -12] as const;

/** 2⁻²⁴: one float32 rounding of J, relative (half an ulp): the least noise a cost in float32 carries. */
export const FLOAT32_ROUNDING = 2 ** -24;

/** Points on each side of θ along the probe: 8 forwards give differences up to the 8th order. */
const PROBE_POINTS = 4;

/** Orders of difference whose spread is read as noise; the first two still carry the slope and curvature. */
const NOISE_ORDERS = [3, 4, 5, 6] as const;

/**
 * The rounding noise of the cost near θ, as a standard deviation in units of J (Moré & Wild's
 * ECnoise): J along a random ±1 direction at tiny spacing, whose high-order differences are noise
 * alone. Perturbs every entry in place and restores each exactly. Costs 2 × PROBE_POINTS forwards
 * per spacing tried.
 */
export function estimateCostNoise(cost: CostEvaluator, set: ParameterSet, initialCost: number, seed: number): number {
  const random = seededRandom(seed);
  const entries = set.slots.flatMap((slot) =>
    Array.from({ length: slot.size }, (_, k) => {
      const original = slot.get(k);
      const direction = Math.max(Math.abs(original), 1) * (random() < 0.5 ? -1 : 1);
      return { slot, k, original, direction };
    }),
  );
  // Only float32 storage, or a cost a float32 holds exactly, can hide its rounding below a spacing;
  // a float64 cost that does not move is flat where it stands (a dead ReLU layer), and a wider probe
  // would only cross a kink and read it as noise.
  const coarse = Math.fround(initialCost) === initialCost || set.slots.some((slot) => slot.float32);
  // Such a cost rounds at float32's resolution at least once, however exact the probe's points fell.
  const least = coarse ? FLOAT32_ROUNDING * Math.abs(initialCost) : 0;
  let finest: number | undefined;
  for (const spacing of coarse ? NOISE_PROBE_STEPS : NOISE_PROBE_STEPS.slice(0, 1)) {
    const costs = probe(cost, entries, initialCost, spacing);
    const sigma = noiseOf(costs);
    finest ??= sigma;
    // A cost that moved at most points along the probe shows its rounding: probe no wider.
    if (costs.filter((c) => c !== initialCost).length > PROBE_POINTS) return Math.max(sigma, least);
  }
  // Never moved on both sides at any spacing: flat on one side of a kink; the finest estimate stands.
  return Math.max(finest ?? 0, least);
}

interface ProbeEntry {
  readonly slot: ParameterSlot;
  readonly k: number;
  readonly original: number;
  readonly direction: number;
}

/** J at θ + i·spacing·d for i = −PROBE_POINTS … PROBE_POINTS, restoring every entry exactly. */
function probe(cost: CostEvaluator, entries: readonly ProbeEntry[], initialCost: number, spacing: number): number[] {
  const costs: number[] = [];
  try {
    for (let i = -PROBE_POINTS; i <= PROBE_POINTS; i++) {
      if (i === 0) {
        costs.push(initialCost);
        continue;
      }
      for (const { slot, k, original, direction } of entries) slot.set(k, original + i * spacing * direction);
      costs.push(cost.evaluate());
    }
  } finally {
    for (const { slot, k, original } of entries) slot.set(k, original);
  }
  return costs;
}

/** The median-ish of the σ estimates from the 3rd to 6th differences. */
function noiseOf(costs: readonly number[]): number {
  const estimates = NOISE_ORDERS.map((order) => noiseFromDifferences(costs, order)).sort((a, b) => a - b);
  return ((estimates[1] as number) + (estimates[2] as number)) / 2;
}

/** σ from the k-th differences of values with independent noise σ: E[(Δᵏf)²] = σ²·(2k)!/(k!)². */
function noiseFromDifferences(values: readonly number[], order: number): number {
  let differences = [...values];
  for (let k = 0; k < order; k++) differences = differences.slice(1).map((v, i) => v - (differences[i] as number));
  const meanSquare = differences.reduce((s, d) => s + d * d, 0) / differences.length;
  return Math.sqrt(meanSquare * (factorial(order) ** 2 / factorial(2 * order)));
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}
