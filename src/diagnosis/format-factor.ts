/** 1e-3: a factor within 0.1% of a simple number (3, 1/3) is shown as that number; a fit that passed the gates is far tighter. */
export const SNAP_TOLERANCE = 1e-3;

/** 3: significant digits for a factor that is no simple number (2.37): enough to look for it in code. */
export const FACTOR_DIGITS = 3;

const MINUS = '\u2212';

const near = (value: number, target: number) => Math.abs(value - target) <= SNAP_TOLERANCE * Math.abs(target);

/** A positive number to FACTOR_DIGITS significant digits, without trailing zeros: `2.37`, `0.05`, `1.2e-7`. */
function digits(size: number): string {
  return String(Number(size.toPrecision(FACTOR_DIGITS)));
}

/** A number to FACTOR_DIGITS significant digits, with a true minus sign: `0.05`, `−0.31`. */
export function formatNumber(value: number): string {
  return (value < 0 ? MINUS : '') + digits(Math.abs(value));
}

/**
 * A factor as a person writes it: `3`, `−1`, `0.5`, `1/3`, `2.37`. Whole numbers and reciprocals
 * of whole numbers are snapped; a reciprocal is written as a decimal when that is exact and short.
 */
export function formatFactor(k: number): string {
  const sign = k < 0 ? MINUS : '';
  const size = Math.abs(k);
  const whole = Math.round(size);
  if (whole >= 1 && near(size, whole)) return sign + whole;
  const denominator = Math.round(1 / size);
  if (denominator >= 2 && near(size, 1 / denominator)) {
    const decimal = digits(1 / denominator);
    return sign + (Number(decimal) === 1 / denominator ? decimal : `1/${denominator}`);
  }
  return sign + digits(size);
}
