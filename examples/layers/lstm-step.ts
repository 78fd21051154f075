import { Matrix } from 'ml-matrix';
import { columnSums, mapEntries, sigmoid, times } from './matrix.js';

export interface LstmInputs {
  readonly x: Matrix;
  readonly prevH: Matrix;
  readonly prevC: Matrix;
  readonly wx: Matrix;
  readonly wh: Matrix;
  readonly b: Matrix;
}

interface LstmCache {
  readonly inputs: LstmInputs;
  readonly i: Matrix;
  readonly f: Matrix;
  readonly o: Matrix;
  readonly g: Matrix;
  readonly tanhC: Matrix;
}

/** The four gates' columns of a (N×4H): input, forget, output, candidate. */
const gate = (a: Matrix, k: number) => a.subMatrix(0, a.rows - 1, (k * a.columns) / 4, ((k + 1) * a.columns) / 4 - 1);

/** One LSTM step; the output is a record, { h: nextH, c: nextC }. */
export function lstmStepForward(inputs: LstmInputs): [{ h: Matrix; c: Matrix }, LstmCache] {
  const { x, prevH, prevC, wx, wh, b } = inputs;
  const a = x.mmul(wx).add(prevH.mmul(wh)).addRowVector(b.to1DArray());
  const [i, f, o] = [0, 1, 2].map((k) => mapEntries(gate(a, k), sigmoid)) as [Matrix, Matrix, Matrix];
  const g = mapEntries(gate(a, 3), Math.tanh);
  const c = times(f, prevC).add(times(i, g));
  const tanhC = mapEntries(c, Math.tanh);
  return [{ h: times(o, tanhC), c }, { inputs, i, f, o, g, tanhC }];
}

/** dout is a record too: { h: dnextH, c: dnextC }. */
export function lstmStepBackward(dout: { h: Matrix; c: Matrix }, cache: LstmCache) {
  return lstmGradients(dout, cache, true);
}

/** Planted bug: the upstream dnextC dropped; only the path through nextH reaches the cell. */
export function lstmStepBackwardNoDc(dout: { h: Matrix; c: Matrix }, cache: LstmCache) {
  return lstmGradients(dout, cache, false);
}

function lstmGradients(dout: { h: Matrix; c: Matrix }, { inputs, i, f, o, g, tanhC }: LstmCache, withDc: boolean) {
  const { x, prevH, prevC, wx, wh } = inputs;
  const throughH = times(times(dout.h, o), mapEntries(tanhC, (t) => 1 - t * t));
  const dc = withDc ? throughH.add(dout.c) : throughH;
  const sigmoidSlope = (s: Matrix) => mapEntries(s, (v) => v * (1 - v));
  const da = [
    times(times(dc, g), sigmoidSlope(i)),
    times(times(dc, prevC), sigmoidSlope(f)),
    times(times(dout.h, tanhC), sigmoidSlope(o)),
    times(times(dc, i), mapEntries(g, (v) => 1 - v * v)),
  ].reduce((left, right) => new Matrix(left.to2DArray().map((row, n) => [...row, ...right.getRow(n)])));
  return {
    dx: da.mmul(wx.transpose()),
    dprevH: da.mmul(wh.transpose()),
    dprevC: times(dc, f),
    dwx: x.transpose().mmul(da),
    dwh: prevH.transpose().mmul(da),
    db: columnSums(da),
  };
}
