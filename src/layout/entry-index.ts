/** The index of flat entry `k` in a parameter of `shape`, row-major: `[row, column]`, `[i]` or `[]`. */
export function entryIndex(shape: readonly number[], k: number): number[] {
  if (shape.length === 2) {
    const columns = shape[1] as number;
    return [Math.floor(k / columns), k % columns];
  }
  return shape.length === 1 ? [k] : [];
}

/** How a person names an entry: `W2[1,3]`, `b[3]`, or just `theta` for a scalar. */
export function entryLabel(name: string, index: readonly number[]): string {
  return index.length === 0 ? name : `${name}[${index.join(',')}]`;
}

/** `5×4`, `5`, or `scalar`. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? 'scalar' : shape.join('×');
}
