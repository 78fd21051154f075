// Every example layer with its correct backward and its planted bugs, as the Vitest and Jest tests
// check them: `expect(backward).toHaveCorrectJacobian(forward, inputs)`, backward as `(inputs, dout) => gradients`.
import { stripVTControlCharacters } from 'node:util';
import type { Matrix } from 'ml-matrix';
import { type AffineInputs, affineBackward, affineBackwardMeanDw, affineForward } from './affine.js';
import { type BatchNormInputs, batchNormBackward, batchNormBackwardNoMeanTerm, batchNormForward } from './batch-norm.js';
import { type ConvInputs, type ConvShape, convBackward, convBackwardDwIgnoresStride, convForward } from './convolution.js';
import { dropoutBackward, dropoutBackwardNoScale, dropoutForward, dropoutMask } from './dropout.js';
import { embeddingBackward, embeddingBackwardAssigns, embeddingForward } from './embedding.js';
import { type LstmInputs, lstmStepBackward, lstmStepBackwardNoDc, lstmStepForward } from './lstm-step.js';
import { maxPoolBackward, maxPoolBackwardAsAverage, maxPoolForward, type PoolShape } from './max-pooling.js';
import { randomArray, randomMatrix, seeded } from './random.js';
import { reluBackward, reluBackwardLeaky, reluForward } from './relu.js';
import { type RnnInputs, rnnStepBackward, rnnStepBackwardWrongState, rnnStepForward } from './rnn-step.js';
import { sigmoidBackward, sigmoidBackwardNoDout, sigmoidForward } from './sigmoid.js';
import { softmaxLoss, softmaxLossGradientNoMean } from './softmax-loss.js';

/** A planted bug: its backward, and what the failure message must say about it. */
export interface PlantedBug {
  readonly name: string;
  readonly backward: (inputs: any, dout: any) => object;
  readonly shows: RegExp;
}

export interface LayerCase {
  readonly name: string;
  readonly forward: (inputs: any) => any;
  /** Fresh inputs, the same numbers on every call. */
  readonly inputs: () => any;
  readonly backward: (inputs: any, dout: any) => object;
  readonly bugs: readonly PlantedBug[];
}

/** The message a failing assertion throws, colours off (the runner colours it when the terminal can show colours). */
export function failureMessage(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail');
}

/** backward as the check calls it, (inputs, dout), from a course-style backward(dout, cache) and its forward. */
function fromCache<I, C, D>(forward: (inputs: I) => [unknown, C], backward: (dout: D, cache: C) => object) {
  return (inputs: I, dout: D) => backward(dout, forward(inputs)[1]);
}

function layer<I, C, D>(
  name: string,
  forward: (inputs: I) => [unknown, C],
  inputs: () => I,
  backward: (dout: D, cache: C) => object,
  bugs: readonly { name: string; backward: (dout: D, cache: C) => object; shows: RegExp }[],
): LayerCase {
  return {
    name,
    forward,
    inputs,
    backward: fromCache(forward, backward),
    bugs: bugs.map((bug) => ({ ...bug, backward: fromCache(forward, bug.backward) })),
  };
}

const conv: ConvShape = { n: 2, c: 2, h: 5, w: 5, filters: 2, kernel: 3, stride: 2, pad: 1 };
const pool: PoolShape = { n: 1, c: 2, h: 4, w: 4, pool: 2 };
const keep = 0.5;
const mask = dropoutMask(randomMatrix(4, 5, seeded(70)), keep, seeded(71));
const ids = [0, 2, 0, 1, 2, 2];
const labels = [1, 0, 2, 1];

export const layerCases: readonly LayerCase[] = [
  layer('affine', affineForward, (): AffineInputs => {
    const r = seeded(10);
    return { x: randomMatrix(4, 5, r), w: randomMatrix(5, 3, r), b: randomMatrix(1, 3, r) };
  }, affineBackward, [
    { name: 'dw averaged over the batch', backward: affineBackwardMeanDw, shows: /dw \(5×3\): 15 of 15 entries disagree\n {2}diagnosis: 0\.25 of what it should be[\s\S]*1\/m \(m = 4 examples\)/ },
  ]),
  layer('ReLU', reluForward, () => ({ x: randomMatrix(4, 5, seeded(20)) }), reluBackward, [
    { name: 'mask taken from out ≥ 0', backward: reluBackwardLeaky, shows: /dx \(4×5\): \d+ of 20 entries disagree[\s\S]*- dx\[\d,\d\] +numeric +0\n/ },
  ]),
  layer('sigmoid', sigmoidForward, () => ({ x: randomMatrix(4, 5, seeded(30), 2) }), sigmoidBackward, [
    { name: 'dout ignored', backward: sigmoidBackwardNoDout, shows: /backward ignores dout: it returned the very same gradients for two different dout/ },
  ]),
  {
    name: 'softmax + cross-entropy loss',
    forward: ({ x }: { x: Matrix }) => softmaxLoss(x, labels).loss,
    inputs: () => ({ x: randomMatrix(4, 3, seeded(40), 2) }),
    backward: ({ x }: { x: Matrix }, dout: number) => ({ dx: softmaxLoss(x, labels).dx.mul(dout) }),
    bugs: [
      {
        name: 'the mean’s 1/N left out',
        backward: ({ x }: { x: Matrix }, dout: number) => ({ dx: softmaxLossGradientNoMean(x, labels).mul(dout) }),
        shows: /dx \(4×3\): 12 of 12 entries disagree\n {2}diagnosis: 4× too large[\s\S]*missing 1\/m \(m = 4 examples\)/,
      },
    ],
  },
  layer('batch norm (training)', batchNormForward, (): BatchNormInputs => {
    const r = seeded(50);
    return { x: randomMatrix(5, 3, r, 2), gamma: randomMatrix(1, 3, r), beta: randomMatrix(1, 3, r) };
  }, batchNormBackward, [
    { name: 'dx without the mean term', backward: batchNormBackwardNoMeanTerm, shows: /dx \(5×3\): \d+ of 15 entries disagree\n {2}diagnosis: the error is the same down each column/ },
  ]),
  layer('2-D convolution (stride 2, padding 1)', convForward(conv), (): ConvInputs => {
    const r = seeded(60);
    return { x: randomArray(conv.n * conv.c * conv.h * conv.w, r), w: randomArray(conv.filters * conv.c * conv.kernel ** 2, r), b: [0.1, -0.2] };
  }, convBackward(conv), [
    { name: 'dw ignoring the stride', backward: convBackwardDwIgnoresStride(conv), shows: /1 input gradient of 3 disagree[\s\S]*dw \(36\): \d+ of 36 entries disagree/ },
  ]),
  layer('max pooling', maxPoolForward(pool), () => ({ x: randomArray(pool.n * pool.c * pool.h * pool.w, seeded(65)) }), maxPoolBackward(pool), [
    { name: 'dout spread over the window', backward: maxPoolBackwardAsAverage(pool), shows: /dx \(32\): 32 of 32 entries disagree/ },
  ]),
  layer('dropout (fixed mask)', dropoutForward(mask, keep), () => ({ x: randomMatrix(4, 5, seeded(72)) }), dropoutBackward(keep), [
    { name: '1/p left out', backward: dropoutBackwardNoScale, shows: /dx \(4×5\): \d+ of 20 entries disagree\n {2}diagnosis: 0\.5 of what it should be/ },
  ]),
  layer('embedding (repeated ids)', embeddingForward(ids), () => ({ W: randomMatrix(4, 3, seeded(80)) }), embeddingBackward(4), [
    { name: 'assigning instead of accumulating', backward: embeddingBackwardAssigns(4), shows: /dW \(4×3\): 6 of 12 entries disagree[\s\S]*- dW\[(0|2),\d\]/ },
  ]),
  layer('vanilla RNN step', rnnStepForward, (): RnnInputs => {
    const r = seeded(90);
    return { x: randomMatrix(3, 4, r), prevH: randomMatrix(3, 5, r), wx: randomMatrix(4, 5, r, 0.5), wh: randomMatrix(5, 5, r, 0.5), b: randomMatrix(1, 5, r) };
  }, rnnStepBackward, [
    { name: 'dwh from the new state', backward: rnnStepBackwardWrongState, shows: /1 input gradient of 5 disagree[\s\S]*dwh \(5×5\)/ },
  ]),
  layer('LSTM step', lstmStepForward, (): LstmInputs => {
    const r = seeded(100);
    return {
      x: randomMatrix(3, 4, r),
      prevH: randomMatrix(3, 3, r),
      prevC: randomMatrix(3, 3, r),
      wx: randomMatrix(4, 12, r, 0.5),
      wh: randomMatrix(3, 12, r, 0.5),
      b: randomMatrix(1, 12, r),
    };
  }, lstmStepBackward, [
    { name: 'upstream dnextC dropped', backward: lstmStepBackwardNoDc, shows: /dprevC \(3×3\): 9 of 9 entries disagree/ },
  ]),
];
