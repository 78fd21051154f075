import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { backwardPropagationN, forwardPropagationN, gradientCheckNTestCase } from '../../examples/notebook/network.js';
import { checkGradients } from '../../src/index.js';
import { failingLabels } from '../models/notebook-case.js';

/** The notebook network with b1 moved so that hidden unit i's pre-activation on example i mod 3 sits `offsets[i]` from 0. */
function reluAtKinks(offsets: readonly number[]) {
  const { x, y, parameters } = gradientCheckNTestCase();
  const z = parameters.W1.mmul(x);
  offsets.forEach((offset, i) => parameters.b1.set(i, 0, -z.get(i, i % 3) + offset));
  const [, cache] = forwardPropagationN(parameters, x, y);
  return { x, y, parameters, gradients: backwardPropagationN(x, y, cache) };
}


describe('kinks: ReLU pre-activations within 1e-8 of zero', () => {
  const offsetSets = [
    [1e-9, -1e-9, 5e-9, -5e-9, 1e-8],
    [-1e-8, 2e-9, -3e-9, 1e-10, -1e-10],
    [0, 0, 0, 0, 0],
  ];

  it('a correct network passes with default options, and the report counts the kinks', () => {
    for (const offsets of offsetSets) {
      const { x, y, parameters, gradients } = reluAtKinks(offsets);
      const report = checkGradients(gradients, forwardPropagationN, parameters, x, y);
      expect(failingLabels(report), `offsets ${offsets}`).toEqual([]);
      expect(report.kinks).toBeGreaterThan(0);
    }
  });

  it('the same network with one wrong bias gradient fails and names the bias', () => {
    for (const offsets of offsetSets) {
      const { x, y, parameters, gradients } = reluAtKinks(offsets);
      gradients.db2.set(1, 0, gradients.db2.get(1, 0) * 1.01);
      expect(failingLabels(checkGradients(gradients, forwardPropagationN, parameters, x, y))).toEqual(['b2[1,0]']);
    }
  });

  it('a wrong gradient at the kinked entry itself still fails', () => {
    const { x, y, parameters, gradients } = reluAtKinks([1e-9, -1e-9, 5e-9, -5e-9, 1e-8]);
    const kinked = checkGradients(gradients, forwardPropagationN, parameters, x, y).parameters.find((p) => p.name === 'b1')!;
    const entry = kinked.worst.find((e) => e.kink && e.left !== e.right)!;
    expect(entry).toBeDefined();
    const [i] = entry.index as [number, number];
    gradients.db1.set(i, 0, gradients.db1.get(i, 0) * 2);
    expect(failingLabels(checkGradients(gradients, forwardPropagationN, parameters, x, y))).toContain(`b1[${i},0]`);
  });
});

describe('kinks: pre-activations within 1e-8 of zero in both hidden layers (several kinks inside one step)', () => {
  /** As `reluAtKinks`, then b2 moved so that hidden unit j of layer 2 sits `second[j]` from 0 on example (j + 1) mod 3. */
  function bothLayers(first: readonly number[], second: readonly number[]) {
    const c = reluAtKinks(first);
    const { A1 } = forwardPropagationN(c.parameters, c.x, c.y)[1];
    const z2 = c.parameters.W2.mmul(A1);
    second.forEach((offset, j) => c.parameters.b2.set(j, 0, -z2.get(j, (j + 1) % 3) + offset));
    const [, cache] = forwardPropagationN(c.parameters, c.x, c.y);
    return { ...c, gradients: backwardPropagationN(c.x, c.y, cache) };
  }
  const plans = [
    [[1e-9, -1e-9, 5e-9, -5e-9, 1e-8], [3e-9, -7e-9, 2e-9]],
    [[-1e-8, 2e-9, -3e-9, 1e-10, -1e-10], [-1e-9, 1e-8, -4e-10]],
    [[4e-9, 4e-9, -4e-9, 1e-9, -2e-9], [1e-10, -1e-10, 6e-9]],
  ] as const;

  it('a correct network passes, every entry of all 47', () => {
    for (const [first, second] of plans) {
      const { x, y, parameters, gradients } = bothLayers(first, second);
      const report = checkGradients(gradients, forwardPropagationN, parameters, x, y);
      expect(failingLabels(report), `${first} / ${second}`).toEqual([]);
      expect(report.kinks).toBeGreaterThan(0);
    }
  });

  it('a sign flip or a factor 2 at a kinked entry still fails', () => {
    for (const [first, second] of plans) {
      for (const factor of [-1, 2]) {
        const { x, y, parameters, gradients } = bothLayers(first, second);
        const kinked = checkGradients(gradients, forwardPropagationN, parameters, x, y).parameters.flatMap((p) =>
          p.worst.filter((e) => e.kink && Math.abs(e.analytic) > 1e-3).map((e) => ({ name: p.name, index: e.index as [number, number], label: e.label })),
        );
        expect(kinked.length).toBeGreaterThan(0);
        const { name, index, label } = kinked[0]!;
        const d = (gradients as unknown as Record<string, Matrix>)[`d${name}`]!;
        d.set(index[0], index[1], d.get(index[0], index[1]) * factor);
        expect(failingLabels(checkGradients(gradients, forwardPropagationN, parameters, x, y)), `${label} × ${factor}`).toContain(label);
      }
    }
  });
});

describe('kinks: max-pool near-ties', () => {
  // J = Σ_pools c_p · max(window_p): the gradient goes to each window's (first) largest entry.
  const pools = [
    [0.5, 0.5 + 1e-10, -1],
    [2, 2, 1.5],
    [-0.25, -0.25 - 1e-12, -0.25 + 3e-11],
  ];
  const weights = [1.5, -2, 0.75];
  const forward = (p: { a: number[][] }) => p.a.reduce((s, row, i) => s + weights[i]! * Math.max(...row), 0);
  const gradient = (a: number[][]) =>
    a.map((row, i) => row.map((v, j) => (j === row.indexOf(Math.max(...row)) ? weights[i]! : 0)));

  it('the argmax gradient passes', () => {
    const params = { a: pools.map((row) => [...row]) };
    const report = checkGradients({ da: gradient(params.a) }, forward, params);
    expect(report.pass).toBe(true);
    expect(report.kinks).toBeGreaterThan(0);
  });

  it('a gradient sent to the wrong entry of a tied window fails', () => {
    const params = { a: pools.map((row) => [...row]) };
    const wrong = gradient(params.a);
    wrong[2] = [0, 0, 0.6 * weights[2]!]; // neither side of the near-tie, nor an even split
    expect(failingLabels(checkGradients({ da: wrong }, forward, params))).toEqual(['a[2,2]']);
  });
});

describe('kinks: an L1 penalty with weights at ±1e-9 and 0', () => {
  // J = ½‖Aw − b‖² + λ‖w‖₁, dJ/dw = Aᵀ(Aw − b) + λ·sign(w) with sign(0) = 0.
  const A = new Matrix([[1, 2, 0.5], [0.3, -1, 2], [1.5, 0.2, -0.7]]);
  const b = [0.4, -0.2, 1.1];
  const lambda = 0.3;
  const forward = (p: { w: number[] }) => {
    const r = A.mmul(Matrix.columnVector(p.w)).to1DArray().map((v, i) => v - b[i]!);
    return 0.5 * r.reduce((s, v) => s + v * v, 0) + lambda * p.w.reduce((s, v) => s + Math.abs(v), 0);
  };
  const gradient = (w: number[]) => {
    const r = Matrix.columnVector(A.mmul(Matrix.columnVector(w)).to1DArray().map((v, i) => v - b[i]!));
    return A.transpose().mmul(r).to1DArray().map((g, i) => g + lambda * Math.sign(w[i]!));
  };

  it('sign(w) with sign(0) = 0 passes at w = 1e-9, −1e-9 and 0', () => {
    const params = { w: [1e-9, -1e-9, 0] };
    const report = checkGradients({ dw: gradient(params.w) }, forward, params);
    expect(failingLabels(report)).toEqual([]);
    // At w = 0 exactly the central difference is the midpoint, sign(0) = 0 matches it at once: no kink judgement needed.
    expect(report.kinks).toBe(2);
  });

  it('a penalty counted twice fails, and so does a value between the slopes that is no subgradient convention', () => {
    const params = { w: [1e-9, -1e-9, 0] };
    const flipped = gradient(params.w);
    flipped[0] = flipped[0]! + lambda; // λ·sign(w) added twice
    flipped[2] = flipped[2]! + 0.3 * lambda; // 0.3 is neither −1, 0 nor 1
    expect(failingLabels(checkGradients({ dw: flipped }, forward, params))).toEqual(['w[0]', 'w[2]']);
  });
});
