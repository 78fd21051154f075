import { relativeDifference } from '../comparison/relative-difference.js';
import type { ParameterReport } from './report.js';

/** The notebook's formula (3) over every entry judged one by one, in all parameters (NaN in `numeric` marks one left out). */
export function globalDifference(parameters: readonly ParameterReport[]): number {
  const checkedOnly = (p: ParameterReport, values: Float64Array) =>
    p.checked === p.size ? values : values.filter((_, k) => !Number.isNaN(p.numeric[k]));
  return relativeDifference(concat(parameters.map((p) => checkedOnly(p, p.analytic))), concat(parameters.map((p) => checkedOnly(p, p.numeric))));
}

/** The arrays one after another. */
export function concat(arrays: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}
