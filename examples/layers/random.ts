import { Matrix } from 'ml-matrix';

/** A seeded generator on [0, 1) (mulberry32), so every example layer sees the same numbers on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A rows × columns Matrix of values uniform in [−scale, scale). */
export function randomMatrix(rows: number, columns: number, random: () => number, scale = 1): Matrix {
  return Matrix.from1DArray(rows, columns, Array.from({ length: rows * columns }, () => scale * (2 * random() - 1)));
}

/** `size` values uniform in [−scale, scale), as a Float64Array. */
export function randomArray(size: number, random: () => number, scale = 1): Float64Array {
  return Float64Array.from({ length: size }, () => scale * (2 * random() - 1));
}
