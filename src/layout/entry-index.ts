/** The index of flat entry `k` in a parameter of `shape`, row-major: `[row, column]`, `[i]`, `[]`, or one index per axis. */
export function entryIndex(shape: readonly number[], k: number): number[] {
  const index = new Array<number>(shape.length);
  let rest = k;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const extent = shape[axis] as number;
    const at = rest % extent;
    index[axis] = at;
    rest = (rest - at) / extent; // exact: rest − at is a multiple of extent
  }
  return index;
}

/** The flat, row-major position of `index` in a parameter of `shape`: the inverse of `entryIndex`. */
export function flatIndex(shape: readonly number[], index: readonly number[]): number {
  return index.reduce((k, i, axis) => k * (shape[axis] as number) + i, 0);
}

/** How a person names an entry: `W2[1,3]`, `b[3]`, or just `theta` for a scalar. */
export function entryLabel(name: string, index: readonly number[]): string {
  if (index.length === 0) return name;
  // Concatenated, not `join`ed: `join` costs several times as much, and every check labels its closest entries.
  let label = `${name}[${index[0]}`;
  for (let axis = 1; axis < index.length; axis++) label += `,${index[axis]}`;
  return `${label}]`;
}

/** `5×4`, `5`, or `scalar`. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? 'scalar' : shape.join('×');
}

/** 0, 1, …, size − 1: every entry's flat index (a plain loop: `Array.from` with a callback costs more than the check of a small tensor). */
export function everyIndex(size: number): number[] {
  const indices = new Array<number>(size);
  for (let k = 0; k < size; k++) indices[k] = k;
  return indices;
}
