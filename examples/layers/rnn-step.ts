import type { Matrix } from 'ml-matrix';
import { columnSums, mapEntries, times } from './matrix.js';

export interface RnnInputs {
  readonly x: Matrix;
  readonly prevH: Matrix;
  readonly wx: Matrix;
  readonly wh: Matrix;
  readonly b: Matrix;
}

/** One vanilla RNN step: nextH = tanh(x·wx + prevH·wh + b). */
export function rnnStepForward(inputs: RnnInputs): [Matrix, { inputs: RnnInputs; nextH: Matrix }] {
  const { x, prevH, wx, wh, b } = inputs;
  const nextH = mapEntries(x.mmul(wx).add(prevH.mmul(wh)).addRowVector(b.to1DArray()), Math.tanh);
  return [nextH, { inputs, nextH }];
}

export function rnnStepBackward(dnextH: Matrix, cache: { inputs: RnnInputs; nextH: Matrix }) {
  return rnnGradients(dnextH, cache, cache.inputs.prevH);
}

/** Planted bug: dwh from the new hidden state instead of the previous one. */
export function rnnStepBackwardWrongState(dnextH: Matrix, cache: { inputs: RnnInputs; nextH: Matrix }) {
  return rnnGradients(dnextH, cache, cache.nextH);
}

function rnnGradients(dnextH: Matrix, { inputs, nextH }: { inputs: RnnInputs; nextH: Matrix }, stateForDwh: Matrix) {
  const { x, wx, wh } = inputs;
  const da = times(dnextH, mapEntries(nextH, (h) => 1 - h * h));
  return {
    dx: da.mmul(wx.transpose()),
    dprevH: da.mmul(wh.transpose()),
    dwx: x.transpose().mmul(da),
    dwh: stateForDwh.transpose().mmul(da),
    db: columnSums(da),
  };
}
