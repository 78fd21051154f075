import { newFloat64Array } from '../parameters/slab.js';

/** The arrays one after another, in one new Float64Array (each copied natively). */
export function concat(arrays: readonly ArrayLike<number>[]): Float64Array {
  const out = newFloat64Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}
