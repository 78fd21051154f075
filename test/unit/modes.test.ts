import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { forwardPropagationN } from '../../examples/notebook/network.js';
import { checkGradients, formatReport } from '../../src/index.js';
import { failingLabels, notebookCase as notebook } from '../models/notebook-case.js';
import { randomMatrix, seededRandom } from '../models/random.js';
import { reluNetwork } from '../models/relu-network.js';
import { smoothCase, smoothCost, smoothGradients } from '../models/smooth-network.js';


/** A 100,000-parameter least-squares model, cheap to evaluate: J = ½‖W·x − t‖² / n, dJ/dW = (W·x − t)·xᵀ / n. */
function wideModel(seed: number) {
  const random = seededRandom(seed);
  const W = randomMatrix(random, 250, 400, 0.05);
  const x = randomMatrix(random, 400, 1);
  const t = randomMatrix(random, 250, 1);
  const residual = (w: Matrix) => Matrix.sub(w.mmul(x), t);
  const forward = (p: { W: Matrix }) => 0.5 * residual(p.W).norm() ** 2 / 250;
  const gradient = () => ({ dW: residual(W).mmul(x.transpose()).div(250) });
  return { params: { W }, forward, gradient };
}

describe("mode 'fast'", () => {
  // Six checks of nets whose forward takes up to 50 ms, each net built afresh: 2.5 s here, more on a loaded CI machine.
  it('passes ReLU networks of any size in 2T + 3 forwards: a direction moves the whole tensor by about one entry’s step, past no kink', { timeout: 30_000 }, () => {
    for (const [dims, m] of [[[64, 128, 64, 1], 64], [[256, 256, 128, 1], 128]] as const) {
      for (const seed of [1, 2, 3]) {
        const { parameters, x, y, gradients } = reluNetwork(dims, m, seed);
        const report = checkGradients(gradients, forwardPropagationN, parameters, x, y, { mode: 'fast' });
        expect(report, `${dims}, seed ${seed}`).toMatchObject({ pass: true, evaluations: 2 * 6 + 3 });
      }
    }
  });

  it('passes the notebook’s corrected backprop in 2T + 3 forwards (15: PyTorch’s fast mode spends 14)', () => {
    const { x, y, parameters, correct } = notebook();
    const report = checkGradients(correct, forwardPropagationN, parameters, x, y, { mode: 'fast' });
    expect(report).toMatchObject({ pass: true, mode: 'fast', evaluations: 2 * 6 + 3, checkedEntries: 0 });
  });

  it('on the buggy backprop, still names W2 and b1 entries and diagnoses them', () => {
    const { x, y, parameters, buggy } = notebook();
    const report = checkGradients(buggy, forwardPropagationN, parameters, x, y, { mode: 'fast' });
    expect(report.parameters.filter((p) => !p.pass).map((p) => p.name)).toEqual(['b1', 'W2']);
    expect(failingLabels(report)).toEqual(expect.arrayContaining(['W2[2,0]', 'b1[0,0]']));
    expect(report.parameters.find((p) => p.name === 'W2')!.diagnosis?.summary).toMatch(/^3× too large/);
  });

  it('finds one wrong entry among 8192 by bisection, in a few hundred forwards', () => {
    const c = smoothCase(3, 64, 128, 16, 0.1);
    const g = smoothGradients(c.lambda)(c.parameters, c.x, c.y);
    // dW1[37,50] = −0.0053, the tensor's RMS 0.037: a 10% error there is 1.5% of the RMS, past fast mode's reach (~0.2%).
    g.dW1.set(37, 50, g.dW1.get(37, 50) * 1.1);
    const report = checkGradients(g, smoothCost(c.lambda), c.parameters, c.x, c.y, { mode: 'fast' });
    expect(failingLabels(report)).toEqual(['W1[37,50]']);
    expect(report.parameters[0]!.directional?.pass).toBe(false);
    expect(report.evaluations).toBeLessThan(400);
  });
});

describe('sampling and the budget', () => {
  it("'auto' checks every entry when 2P + 2 forwards fit the budget, and goes fast beyond it", () => {
    const { x, y, parameters, correct } = notebook();
    expect(checkGradients(correct, forwardPropagationN, parameters, x, y).mode).toBe('full');
    const over = checkGradients(correct, forwardPropagationN, parameters, x, y, { budget: 50 });
    expect(over).toMatchObject({ mode: 'fast', pass: true });
    expect(over.parameters.map((p) => p.checked)).toEqual([8, 5, 8, 3, 3, 1]);
  });

  it('samples k entries per tensor, the largest gradients among them, the same for the same seed', () => {
    const c = smoothCase(5, 12, 16, 8);
    const g = smoothGradients(c.lambda)(c.parameters, c.x, c.y);
    const run = (seed: number) =>
      checkGradients(g, smoothCost(c.lambda), c.parameters, c.x, c.y, { mode: 'full', sample: 6, seed }).parameters[0]!;
    const W1 = run(7);
    expect(W1.checked).toBe(6);
    const checked = (p: typeof W1) => Array.from(p.numeric, (v, k) => (Number.isNaN(v) ? -1 : k)).filter((k) => k >= 0);
    const largest = Array.from(g.dW1.to1DArray().keys()).sort((p, q) => Math.abs(g.dW1.to1DArray()[q]!) - Math.abs(g.dW1.to1DArray()[p]!)).slice(0, 3);
    expect(checked(W1)).toEqual(expect.arrayContaining(largest));
    expect(checked(run(7))).toEqual(checked(W1));
    expect(checked(run(8))).not.toEqual(checked(W1));
  });

  it('a fraction samples that share of each tensor', () => {
    const c = smoothCase(6, 10, 10, 4);
    const report = checkGradients(smoothGradients(c.lambda)(c.parameters, c.x, c.y), smoothCost(c.lambda), c.parameters, c.x, c.y, { sample: 0.2 });
    expect(report.parameters.map((p) => p.checked)).toEqual([20, 2, 2, 1]);
  });

  it('a 100,000-parameter model gets a meaningful default check, naming an injected bug', () => {
    const { params, forward, gradient } = wideModel(11);
    const correct = checkGradients(gradient(), forward, params);
    expect(correct).toMatchObject({ pass: true, mode: 'fast', entries: 100_000 });
    expect(correct.evaluations).toBeLessThan(60);
    const wrong = gradient();
    wrong.dW.set(123, 321, wrong.dW.get(123, 321) * 1.01);
    const report = checkGradients(wrong, forward, params);
    expect(failingLabels(report)).toEqual(['W[123,321]']);
    expect(report.evaluations).toBeLessThan(500);
    expect(formatReport(report)).toMatch(/Fast check \(seed 1\): one random direction through each of 1 parameter, then \d+ of 100000 entries one by one; \d+ forward calls\./);
  });
});
