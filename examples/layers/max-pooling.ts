/** Max pooling over pool×pool windows at stride `pool`, on a flat N×C×H×W array (H and W multiples of pool). */
export interface PoolShape {
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly pool: number;
}

/** Calls `visit` for each output entry with the flat indices of its window's entries. */
function eachWindow(s: PoolShape, visit: (out: number, window: number[]) => void): void {
  const oh = s.h / s.pool;
  const ow = s.w / s.pool;
  for (let nc = 0; nc < s.n * s.c; nc++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++) {
        const window: number[] = [];
        for (let p = 0; p < s.pool; p++) for (let q = 0; q < s.pool; q++) window.push((nc * s.h + i * s.pool + p) * s.w + j * s.pool + q);
        visit((nc * oh + i) * ow + j, window);
      }
}

export function maxPoolForward(s: PoolShape) {
  return ({ x }: { x: Float64Array }): [Float64Array, Float64Array] => {
    const out = new Float64Array((s.n * s.c * s.h * s.w) / (s.pool * s.pool));
    eachWindow(s, (o, window) => {
      out[o] = Math.max(...window.map((k) => x[k] as number));
    });
    return [out, x];
  };
}

/** dout goes to the window's largest entry only. */
export function maxPoolBackward(s: PoolShape) {
  return (dout: Float64Array, x: Float64Array) => {
    const dx = new Float64Array(x.length);
    eachWindow(s, (o, window) => {
      const top = window.reduce((best, k) => ((x[k] as number) > (x[best] as number) ? k : best));
      dx[top] = (dx[top] as number) + (dout[o] as number);
    });
    return { dx };
  };
}

/** Planted bug: dout spread evenly over the window, average pooling's backward. */
export function maxPoolBackwardAsAverage(s: PoolShape) {
  return (dout: Float64Array, x: Float64Array) => {
    const dx = new Float64Array(x.length);
    eachWindow(s, (o, window) => {
      for (const k of window) dx[k] = (dx[k] as number) + (dout[o] as number) / window.length;
    });
    return { dx };
  };
}
