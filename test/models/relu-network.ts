import { Matrix } from 'ml-matrix';
import { backwardPropagationN, forwardPropagationN, type NotebookParameters } from '../../examples/notebook/network.js';
import { randomMatrix, seededRandom } from './random.js';

/**
 * The notebook's ReLU/ReLU/sigmoid network at any size (`dims` = [inputs, hidden₁, hidden₂, 1]),
 * He-initialised so the ReLU units stay alive and the sigmoid out of saturation, on m random
 * examples with 0/1 labels, and its correct gradients: the benchmark's nets A to D.
 */
export function reluNetwork(dims: readonly [number, number, number, number], m: number, seed = 1) {
  const random = seededRandom(seed);
  const layer = (out: number, inp: number) => randomMatrix(random, out, inp, Math.sqrt(2 / inp));
  const parameters: NotebookParameters = {
    W1: layer(dims[1], dims[0]),
    b1: randomMatrix(random, dims[1], 1, 0.01),
    W2: layer(dims[2], dims[1]),
    b2: randomMatrix(random, dims[2], 1, 0.01),
    W3: layer(dims[3], dims[2]),
    b3: randomMatrix(random, dims[3], 1, 0.01),
  };
  const x = randomMatrix(random, dims[0], m);
  const y = Matrix.from1DArray(1, m, Array.from({ length: m }, () => (random() < 0.5 ? 0 : 1)));
  return { parameters, x, y, gradients: backwardPropagationN(x, y, forwardPropagationN(parameters, x, y)[1]) };
}
