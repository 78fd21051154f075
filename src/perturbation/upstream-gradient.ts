import { flatLayout } from '../layout/flat-layout.js';
import { roll } from '../layout/unroll.js';
import type { OutputPart } from '../parameters/layer-output.js';
import { seededRandom } from './seeded-random.js';

/**
 * Magnitudes from 0.5 to 1.5 with a random sign: every output entry weighs in the contraction
 * (an entry of dout near 0 would hide its row of the Jacobian from the check), and none dominates.
 */
const LOWEST_MAGNITUDE = 0.5;

/** `size` seeded upstream-gradient values, ±[0.5, 1.5): the same seed gives the same values everywhere. */
export function upstreamValues(size: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length: size }, () => (random() < 0.5 ? -1 : 1) * (LOWEST_MAGNITUDE + random()));
}

/**
 * A seeded random upstream gradient for a layer's output, each part of the kind and shape it has
 * (a Matrix for a Matrix, a Float32Array for a Float32Array…): a record for a record output.
 */
export function upstreamGradient(parts: readonly OutputPart[], record: boolean, seed: number): unknown {
  return shapedLike(upstreamValues(outputSize(parts), seed), parts, record);
}

/** The unit upstream gradient e_j: 1 at flat output entry `j` (over all parts, in order), 0 elsewhere; one row of the Jacobian. */
export function unitUpstreamGradient(parts: readonly OutputPart[], record: boolean, j: number): unknown {
  const values = new Float64Array(outputSize(parts));
  values[j] = 1;
  return shapedLike(values, parts, record);
}

/** Entries over all parts of an output. */
function outputSize(parts: readonly OutputPart[]): number {
  return parts.reduce((n, part) => n + part.view.size, 0);
}

/** Flat values as a value (or record of values) of each part's kind and shape. */
function shapedLike(values: Float64Array, parts: readonly OutputPart[], record: boolean): unknown {
  const layout = flatLayout({ slots: parts.map(({ name, view }) => ({ ...view, name })), bare: false, argument: () => undefined });
  const rolled = roll(values, layout) as Record<string, unknown>;
  return record ? rolled : rolled[(parts[0] as OutputPart).name];
}
