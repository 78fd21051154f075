import { type NumericView, valuesOf } from '../parameters/numeric-view.js';

/**
 * ⟨dout, output⟩ = Σ doutᵢ·outputᵢ over every part, in float64: the scalar whose gradient is
 * backward(inputs, dout), since ∂⟨dout, f(θ)⟩/∂θ = Jᵀ·dout. Parts pair up by position.
 */
export function contract(dout: readonly NumericView[], output: readonly NumericView[]): number {
  let sum = 0;
  dout.forEach((d, i) => {
    const o = output[i] as NumericView;
    for (let k = 0; k < d.size; k++) sum += d.get(k) * o.get(k);
  });
  return sum;
}

/** Σ |doutᵢ·outputᵢ| = Σ |doutᵢ|·|outputᵢ|: the size of the terms ⟨dout, output⟩ adds up, which may cancel. */
export function contractionTermSize(dout: readonly NumericView[], output: readonly NumericView[]): number {
  return dot(valuesOf(...dout).map(Math.abs), valuesOf(...output).map(Math.abs));
}

/** Σ aᵢ·bᵢ of two flat arrays in float64 (of float32 numbers, exact products and one rounding per sum). */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] as number) * (b[k] as number);
  return sum;
}
