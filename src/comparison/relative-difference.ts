/**
 * The notebook's formula (2)/(3): ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂), for two numbers or two vectors.
 * 0 when both are zero (the notebook's 0/0 would be NaN: two zero gradients agree).
 */
export function relativeDifference(a: number | ArrayLike<number>, b: number | ArrayLike<number>): number {
  // Two numbers, as every entry of a report is: the same arithmetic as below, without wrapping them in arrays.
  if (typeof a === 'number' && typeof b === 'number') return differenceOfSums((a - b) * (a - b), a * a, b * b);
  const left = typeof a === 'number' ? [a] : a;
  const right = typeof b === 'number' ? [b] : b;
  if (left.length !== right.length) {
    throw new RangeError(`relativeDifference: lengths differ (${left.length} and ${right.length}).`);
  }
  let difference = 0;
  let leftSquares = 0;
  let rightSquares = 0;
  for (let i = 0; i < left.length; i++) {
    const l = left[i] as number;
    const r = right[i] as number;
    difference += (l - r) * (l - r);
    leftSquares += l * l;
    rightSquares += r * r;
  }
  return differenceOfSums(difference, leftSquares, rightSquares);
}

/** The formula from its sums of squares: √difference / (√leftSquares + √rightSquares), 0 when both are zero. */
export function differenceOfSums(difference: number, leftSquares: number, rightSquares: number): number {
  const denominator = Math.sqrt(leftSquares) + Math.sqrt(rightSquares);
  return denominator === 0 ? 0 : Math.sqrt(difference) / denominator;
}
