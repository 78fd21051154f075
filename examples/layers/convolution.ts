/**
 * A naive 2-D convolution, as in the course exercises, on flat row-major arrays:
 * x is N×C×H×W, w is F×C×HH×WW, b has F entries, out is N×F×H'×W'.
 */
export interface ConvShape {
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly filters: number;
  readonly kernel: number;
  readonly stride: number;
  readonly pad: number;
}

export interface ConvInputs {
  readonly x: Float64Array;
  readonly w: Float64Array;
  readonly b: number[];
}

/** H' (= W'): 1 + (H + 2·pad − HH) / stride. */
export function outputSize({ h, kernel, stride, pad }: ConvShape): number {
  return 1 + (h + 2 * pad - kernel) / stride;
}

/**
 * Calls `visit` once per (output entry, filter tap), with the flat indices of the output, the
 * input entry under the tap (−1 in the zero padding) and the weight. `tapStride` is where the
 * window of output (i, j) starts, i·tapStride: the layer's stride, except in the planted bug.
 */
function eachTap(s: ConvShape, tapStride: number, visit: (out: number, input: number, weight: number, filter: number) => void): void {
  const size = outputSize(s);
  for (let n = 0; n < s.n; n++)
    for (let f = 0; f < s.filters; f++)
      for (let i = 0; i < size; i++)
        for (let j = 0; j < size; j++) {
          const out = ((n * s.filters + f) * size + i) * size + j;
          for (let c = 0; c < s.c; c++)
            for (let p = 0; p < s.kernel; p++)
              for (let q = 0; q < s.kernel; q++) {
                const row = i * tapStride + p - s.pad;
                const column = j * tapStride + q - s.pad;
                const inside = row >= 0 && row < s.h && column >= 0 && column < s.w;
                const input = inside ? ((n * s.c + c) * s.h + row) * s.w + column : -1;
                visit(out, input, ((f * s.c + c) * s.kernel + p) * s.kernel + q, f);
              }
        }
}

export function convForward(s: ConvShape) {
  return ({ x, w, b }: ConvInputs): [Float64Array, ConvInputs] => {
    const size = outputSize(s);
    const out = new Float64Array(s.n * s.filters * size * size);
    for (let k = 0; k < out.length; k++) out[k] = b[Math.floor(k / (size * size)) % s.filters] as number;
    eachTap(s, s.stride, (o, input, weight) => {
      if (input >= 0) out[o] = (out[o] as number) + (x[input] as number) * (w[weight] as number);
    });
    return [out, { x, w, b }];
  };
}

export function convBackward(s: ConvShape) {
  return (dout: Float64Array, cache: ConvInputs) => convGradients(s, dout, cache, s.stride);
}

/** Planted bug: dw reads the input windows as if the stride were 1. */
export function convBackwardDwIgnoresStride(s: ConvShape) {
  return (dout: Float64Array, cache: ConvInputs) => ({ ...convGradients(s, dout, cache, s.stride), dw: convGradients(s, dout, cache, 1).dw });
}

function convGradients(s: ConvShape, dout: Float64Array, { x, w }: ConvInputs, dwStride: number) {
  const dx = new Float64Array(x.length);
  const dw = new Float64Array(w.length);
  const db = new Array<number>(s.filters).fill(0);
  eachTap(s, s.stride, (o, input, weight) => {
    if (input >= 0) dx[input] = (dx[input] as number) + (dout[o] as number) * (w[weight] as number);
  });
  eachTap(s, dwStride, (o, input, weight) => {
    if (input >= 0) dw[weight] = (dw[weight] as number) + (dout[o] as number) * (x[input] as number);
  });
  const size = outputSize(s);
  dout.forEach((d, o) => {
    const f = Math.floor(o / (size * size)) % s.filters;
    db[f] = (db[f] as number) + d;
  });
  return { dx, dw, db };
}
