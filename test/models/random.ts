import { Matrix } from 'ml-matrix';

/** A seeded uniform generator in [0, 1) (mulberry32): tests see the same numbers on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A rows×columns matrix of standard normal draws (Box–Muller), times `scale`. */
export function randomMatrix(random: () => number, rows: number, columns: number, scale = 1): Matrix {
  return Matrix.from1DArray(
    rows,
    columns,
    Array.from({ length: rows * columns }, () => scale * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())),
  );
}
