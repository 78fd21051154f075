import { Matrix } from 'ml-matrix';

const view = new DataView(new ArrayBuffer(8));

/** The exact IEEE-754 bits of a double as hex (−0 and every ulp kept apart), or a description of a non-number. */
export function bitsOf(v: unknown): string {
  if (typeof v !== 'number') return `not a number: ${typeof v === 'symbol' ? 'a symbol' : String(v)}`;
  view.setFloat64(0, v);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

/**
 * A deep, comparable record of a value's structure and bits: which class holds what, every number
 * by its bits. Two fingerprints are equal exactly when the values are bit-identical.
 */
export function fingerprint(value: unknown, depth = 0): unknown {
  if (depth > 4) return 'deep';
  if (typeof value === 'number') return bitsOf(value);
  if (value === null || typeof value !== 'object') return typeof value === 'symbol' ? 'symbol' : `${typeof value}:${String(value)}`;
  if (value instanceof Matrix) {
    const rows: string[][] = [];
    for (let i = 0; i < value.rows; i++) {
      const row: string[] = [];
      for (let j = 0; j < value.columns; j++) row.push(bitsOf(value.get(i, j)));
      rows.push(row);
    }
    return { Matrix: rows, rows: value.rows, columns: value.columns };
  }
  if (value instanceof Float64Array || value instanceof Float32Array) return { [value.constructor.name]: Array.from(value, bitsOf) };
  if (Array.isArray(value)) return { frozen: Object.isFrozen(value), Array: Array.from(value, (v) => fingerprint(v, depth + 1)) };
  return Object.fromEntries(Object.keys(value).map((key) => [key, fingerprint((value as Record<string, unknown>)[key], depth + 1)]));
}
