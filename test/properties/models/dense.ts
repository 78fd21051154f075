/**
 * Tiny dense-matrix helpers on `number[][]` (rows of numbers), enough for the model pieces.
 * Every helper returns a new matrix; none writes to its arguments.
 */
export type Dense = number[][];

export const rowsOf = (a: Dense): number => a.length;
export const columnsOf = (a: Dense): number => (a[0] as number[]).length;

export function zeros(rows: number, columns: number): Dense {
  return Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
}

export function map(a: Dense, f: (v: number, i: number, j: number) => number): Dense {
  return a.map((row, i) => row.map((v, j) => f(v, i, j)));
}

/** Entry-wise combination of two matrices of the same shape. */
export function zip(a: Dense, b: Dense, f: (u: number, v: number) => number): Dense {
  return a.map((row, i) => row.map((u, j) => f(u, (b[i] as number[])[j] as number)));
}

export function matmul(a: Dense, b: Dense): Dense {
  const n = rowsOf(a);
  const inner = columnsOf(a);
  const m = columnsOf(b);
  const out = zeros(n, m);
  for (let i = 0; i < n; i++) {
    const ai = a[i] as number[];
    const oi = out[i] as number[];
    for (let k = 0; k < inner; k++) {
      const aik = ai[k] as number;
      const bk = b[k] as number[];
      for (let j = 0; j < m; j++) oi[j] = (oi[j] as number) + aik * (bk[j] as number);
    }
  }
  return out;
}

export function transpose(a: Dense): Dense {
  return Array.from({ length: columnsOf(a) }, (_, j) => a.map((row) => row[j] as number));
}

/** Σ over the columns: an n×1 column. */
export function sumColumns(a: Dense): Dense {
  return a.map((row) => [row.reduce((s, v) => s + v, 0)]);
}

/** Σ over the rows: a 1×m row. */
export function sumRows(a: Dense): Dense {
  return [transpose(a).map((column) => column.reduce((s, v) => s + v, 0))];
}

export function sumAll(a: Dense): number {
  return a.reduce((s, row) => s + row.reduce((t, v) => t + v, 0), 0);
}

export function scale(a: Dense, factor: number): Dense {
  return map(a, (v) => v * factor);
}
