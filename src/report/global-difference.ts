import { differenceOfSums } from '../comparison/relative-difference.js';
import type { ParameterReport } from './report.js';

/**
 * The notebook's formula (3), ‖a − n‖₂ / (‖a‖₂ + ‖n‖₂), over every entry judged one by one (those
 * whose numeric value is not NaN), in parameter order, without copying them into one vector.
 */
export function globalDifference(parameters: readonly ParameterReport[]): number {
  let difference = 0;
  let analyticSquares = 0;
  let numericSquares = 0;
  for (const { analytic, numeric } of parameters) {
    for (let k = 0; k < numeric.length; k++) {
      const n = numeric[k] as number;
      if (Number.isNaN(n)) continue;
      const a = analytic[k] as number;
      difference += (a - n) * (a - n);
      analyticSquares += a * a;
      numericSquares += n * n;
    }
  }
  return differenceOfSums(difference, analyticSquares, numericSquares);
}
