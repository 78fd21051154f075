/** ⟨dout, output⟩ = Σₖ doutₖ·outputₖ in float64: exact products of float32 numbers, one rounding per sum. */
export function contract(dout: Float64Array, output: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < dout.length; k++) sum += (dout[k] as number) * (output[k] as number);
  return sum;
}
