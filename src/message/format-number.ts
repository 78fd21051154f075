/** A short magnitude for tables: `3.1e-1`, `0`. */
export function formatMagnitude(value: number): string {
  return value === 0 ? '0' : value.toExponential(1);
}

/**
 * A value with just enough significant digits to tell it apart from `other` (at least 6,
 * at most 17, which round-trips any double): two numbers 1e-5 apart relatively show 8 digits.
 */
export function formatValue(value: number, other: number): string {
  const scale = Math.max(Math.abs(value), Math.abs(other));
  const gap = Math.abs(value - other);
  const needed = gap === 0 || scale === 0 ? 6 : Math.ceil(Math.log10(scale / gap)) + 2;
  const digits = Math.min(17, Math.max(6, needed));
  return String(Number(value.toPrecision(digits)));
}
