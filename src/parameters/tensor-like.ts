import { GradcheckError } from '../gradcheck-error.js';
import { formatShape } from '../layout/entry-index.js';
import { type NumericView, readEach } from './numeric-view.js';

/**
 * A tensor from another library: its numbers in `data` and its `shape` (scijs ndarray, small
 * autograd engines, most hand-written tensor classes). Entries are row-major in `data`, or at
 * `offset + Σ index[d]·stride[d]` when the value carries ndarray's `stride` (and `offset`).
 */
export interface TensorLike {
  readonly data: number[] | Float64Array | Float32Array;
  readonly shape: readonly number[];
  readonly stride?: readonly number[];
  readonly offset?: number;
}

/** True for an object with `data` and `shape` fields, which is then read as a tensor (or refused with a reason). */
export function isTensorLike(value: unknown): value is { readonly data: unknown; readonly shape: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'data' in value && 'shape' in value;
}

/** A view of a tensor-like value's entries, row-major over its shape, writing through to its `data`. */
export function tensorLikeView(name: string, value: { readonly data: unknown; readonly shape: unknown }): NumericView {
  const { data } = value;
  if (typeof data === 'function' && typeof (value as { dataSync?: unknown }).dataSync === 'function') {
    throw new GradcheckError(`${name} is a tf.Tensor; check TensorFlow.js functions with checkTfGradients from gradcheck/tfjs.`);
  }
  if (!(Array.isArray(data) || data instanceof Float64Array || data instanceof Float32Array)) {
    throw new GradcheckError(`${name}.data is not a number[], Float64Array or Float32Array; a tensor-like value keeps its numbers in one of those.`);
  }
  const shape = wholeNumbers(name, 'shape', value.shape);
  const size = shape.reduce((product, n) => product * n, 1);
  const { stride, offset } = value as Partial<TensorLike>;
  const position = stride === undefined ? undefined : stridedPosition(name, stride, offset ?? 0, shape, data.length);
  if (position === undefined && data.length !== size) {
    throw new GradcheckError(
      `${name} has shape ${formatShape(shape)} (${size} entries) but its data holds ${data.length} numbers; ` +
        'data must hold one number per entry, row-major.',
    );
  }
  const at = position ?? ((k: number) => k);
  const get = (k: number) => data[at(k)] as number;
  return {
    name,
    kind: 'tensor',
    float32: data instanceof Float32Array,
    shape,
    size,
    get,
    set: (k, v) => {
      data[at(k)] = v;
    },
    // Unstrided typed data converts natively; anything else is read entry by entry (non-numbers as NaN).
    read: (into, offset) => (position === undefined && !Array.isArray(data) ? into.set(data, offset) : readEach(get, size, into, offset)),
    ...(position === undefined && { storage: { rows: [data], columns: size } }),
  };
}

function wholeNumbers(name: string, field: string, value: unknown): number[] {
  if (Array.isArray(value) && value.every((n) => Number.isSafeInteger(n) && n >= 0)) return [...value];
  throw new GradcheckError(`${name}.${field} is not an array of whole numbers ≥ 0; a tensor-like value needs its shape as one.`);
}

/** Where flat entry k sits in `data` for an ndarray-style view (strides, offset), checked to stay inside `data`. */
function stridedPosition(name: string, stride: readonly number[], offset: number, shape: readonly number[], length: number) {
  if (!Array.isArray(stride) || stride.length !== shape.length || !stride.every((s) => Number.isSafeInteger(s)) || !Number.isSafeInteger(offset)) {
    throw new GradcheckError(`${name}.stride must hold one whole number per dimension of its shape ${formatShape(shape)}, and its offset a whole number.`);
  }
  let lowest = offset;
  let highest = offset;
  shape.forEach((n, d) => {
    const reach = (n - 1) * (stride[d] as number);
    if (reach < 0) lowest += reach;
    else highest += reach;
  });
  if (lowest < 0 || highest >= length) {
    throw new GradcheckError(`${name}'s shape, stride and offset reach data[${lowest < 0 ? lowest : highest}], outside its ${length} numbers.`);
  }
  return (k: number) => {
    let position = offset;
    for (let d = shape.length - 1; d >= 0; d--) {
      const n = shape[d] as number;
      position += (k % n) * (stride[d] as number);
      k = Math.floor(k / n);
    }
    return position;
  };
}
