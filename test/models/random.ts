import { Matrix } from 'ml-matrix';
import { seededRandom } from '../../src/perturbation/seeded-random.js';

export { seededRandom };

/** A rows×columns matrix of standard normal draws (Box–Muller), times `scale`. */
export function randomMatrix(random: () => number, rows: number, columns: number, scale = 1): Matrix {
  return Matrix.from1DArray(
    rows,
    columns,
    Array.from({ length: rows * columns }, () => scale * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())),
  );
}
