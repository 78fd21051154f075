import { Matrix } from 'ml-matrix';

/**
 * A seeded generator on [0, 1): the 32-bit linear congruential generator of Numerical Recipes, so
 * every example layer sees the same numbers on every run (plenty for test data, not for statistics).
 */
export function seeded(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
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
