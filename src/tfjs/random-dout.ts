import { seededRandom } from '../perturbation/seeded-random.js';

/**
 * `size` seeded entries of magnitude in [0.5, 1.5) and random sign, each exactly a float32: bounded
 * away from 0 so that every output entry weighs in ⟨dout, f⟩ (an entry weighted ~0 would hide a
 * gradient error that flows only through it), and float32 so tfjs and the float64 side contract alike.
 */
export function randomDout(size: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length: size }, () => Math.fround((random() < 0.5 ? -1 : 1) * (0.5 + random())));
}
