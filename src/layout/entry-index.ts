/** The index of flat entry `k` in a parameter of `shape`, row-major: `[row, column]`, `[i]`, `[i,j,k]` or `[]`. */
export function entryIndex(shape: readonly number[], k: number): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    index[d] = k % n;
    k = Math.floor(k / n);
  }
  return index;
}

/** How a person names an entry: `W2[1,3]`, `b[3]`, or just `theta` for a scalar. */
export function entryLabel(name: string, index: readonly number[]): string {
  return index.length === 0 ? name : `${name}[${index.join(',')}]`;
}

/** `5×4`, `5`, or `scalar`. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? 'scalar' : shape.join('×');
}
