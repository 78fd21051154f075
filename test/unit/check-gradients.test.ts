import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { checkGradients, GradcheckError, relativeDifference } from '../../src/index.js';
import { type SmoothGradients, smoothCase, smoothCost, smoothGradients } from '../models/smooth-network.js';

const names = ['W1', 'b1', 'W2', 'b2'] as const;

function smooth(seed: number) {
  const c = smoothCase(seed, 3 + (seed % 4), 2 + (seed % 5), 1 + (seed % 7));
  const forward = smoothCost(c.lambda);
  const gradients = () => smoothGradients(c.lambda)(c.parameters, c.x, c.y);
  return { ...c, forward, gradients };
}

const bits = (m: Matrix) => Array.from(new Float64Array(m.to1DArray()));

/** The correct gradients of `smooth(seed)`. */
const correctGradients = (seed: number) => smooth(seed).gradients();

describe('checkGradients: sensitivity with default options (smooth float64 models)', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

  it('passes every correct gradient, with no extra forward calls', () => {
    for (const seed of seeds) {
      const { parameters, x, y, forward, gradients } = smooth(seed);
      const report = checkGradients(gradients(), forward, parameters, x, y);
      expect(report.pass, `seed ${seed}`).toBe(true);
      expect(report.evaluations).toBe(2 * report.entries + 3); // J twice at the start and once at the end
    }
  });

  it('catches a 1e-6 relative error in one whole parameter, naming only it', () => {
    for (const seed of seeds) {
      const { parameters, x, y, forward, gradients } = smooth(seed);
      const name = names[seed % 4]!;
      const g = gradients();
      g[`d${name}`].mul(1 + 1e-6);
      const report = checkGradients(g, forward, parameters, x, y);
      expect(report.parameters.filter((p) => !p.pass).map((p) => p.name), `seed ${seed}`).toEqual([name]);
    }
  });

  it('catches a 1e-6 relative error in one single entry, naming its index', () => {
    for (const seed of seeds) {
      const { parameters, x, y, forward, gradients } = smooth(seed);
      const name = names[seed % 4]!;
      const g: SmoothGradients = gradients();
      const d = g[`d${name}`];
      const [i, j] = [seed % d.rows, (seed >> 2) % d.columns];
      d.set(i, j, d.get(i, j) * (1 + 1e-6));
      const report = checkGradients(g, forward, parameters, x, y);
      const failing = report.parameters.flatMap((p) => p.worst.filter((e) => !e.pass).map((e) => e.label));
      expect(failing, `seed ${seed}`).toEqual([`${name}[${i},${j}]`]);
    }
  });

  it('catches a 1e-6 relative error in the largest and in the median entry of every parameter, naming it', () => {
    for (const seed of seeds) {
      for (const name of names) {
        const gradient = correctGradients(seed)[`d${name}`];
        const order = Array.from({ length: gradient.rows * gradient.columns }, (_, k) => k).sort(
          (p, q) => Math.abs(gradient.get(Math.floor(p / gradient.columns), p % gradient.columns)) - Math.abs(gradient.get(Math.floor(q / gradient.columns), q % gradient.columns)),
        );
        for (const k of [order.at(-1)!, order[order.length >> 1]!]) {
          const { parameters, x, y, forward, gradients } = smooth(seed);
          const g: SmoothGradients = gradients();
          const d = g[`d${name}`];
          const [i, j] = [Math.floor(k / d.columns), k % d.columns];
          d.set(i, j, d.get(i, j) * (1 + 1e-6));
          const failing = checkGradients(g, forward, parameters, x, y).parameters.flatMap((p) => p.worst.filter((e) => !e.pass).map((e) => e.label));
          expect(failing, `seed ${seed}`).toEqual([`${name}[${i},${j}]`]);
        }
      }
    }
  });

  it('catches a 1e-3 error in a bias whose gradient is tiny next to the weights’, which one global norm hides', () => {
    // J = ½ Σ w² + 1e-4·b: dJ/dw is ~5000 times dJ/db.
    const params = { w: [0.3, -0.7, 0.5], b: [0.2] };
    const forward = (p: typeof params) => 0.5 * p.w.reduce((s, v) => s + v * v, 0) + 1e-4 * p.b[0]!;
    const received = { dw: [...params.w], db: [1e-4 * (1 + 1e-3)] };
    const report = checkGradients(received, forward, params);
    expect(report.difference).toBeLessThan(1e-7); // the notebook's verdict: "perfect"
    expect(report.parameters.map((p) => [p.name, p.pass])).toEqual([
      ['w', true],
      ['b', false],
    ]);
  });
});

describe('checkGradients: what it accepts', () => {
  const params = () => ({ W: new Matrix([[1, 2], [3, 4]]), c: 0.5 });
  // J = c · Σ W²  →  dW = 2cW, dc = Σ W² = 30
  const cost = (p: ReturnType<typeof params>) => p.c * p.W.to1DArray().reduce((s, v) => s + v * v, 0);
  const exact = () => ({ W: new Matrix([[1, 2], [3, 4]]), c: 30 });

  it('reads the cost from a number, a [cost, cache] pair or a { cost } object', () => {
    for (const forward of [cost, (p: ReturnType<typeof params>) => [cost(p), 'cache'] as const, (p: ReturnType<typeof params>) => ({ cost: cost(p), extra: 1 })]) {
      expect(checkGradients(exact(), forward, params()).pass).toBe(true);
    }
  });

  it('finds gradients by name or by d + name and ignores other keys', () => {
    expect(checkGradients({ dW: exact().W, dc: 30, dZ1: 'ignored' }, cost, params()).pass).toBe(true);
    expect(checkGradients({ W: exact().W, dc: 30 }, cost, params()).pass).toBe(true);
  });

  it('accepts plain arrays for parameters and gradients', () => {
    const p = { W: [[1, 2], [3, 4]], c: 0.5 };
    const forward = (q: typeof p) => q.c * q.W.flat().reduce((s, v) => s + v * v, 0);
    expect(checkGradients({ dW: [[1, 2], [3, 4]], dc: 30 }, forward, p).pass).toBe(true);
  });

  it('reports per parameter: shape, difference, max error, failing count and worst entries', () => {
    const wrong = exact();
    wrong.W.set(1, 0, 5);
    const report = checkGradients(wrong, cost, params());
    const W = report.parameters[0]!;
    expect(W).toMatchObject({ name: 'W', shape: [2, 2], size: 4, pass: false, failing: 1 });
    expect(W.worst[0]).toMatchObject({ index: [1, 0], label: 'W[1,0]', analytic: 5, pass: false });
    expect(W.worst[0]!.numeric).toBeCloseTo(3, 8);
    expect(W.maxAbsError).toBeCloseTo(2, 8);
    expect(W.difference).toBeCloseTo(relativeDifference([1, 2, 5, 4], [1, 2, 3, 4]), 8);
    expect(report).toMatchObject({ pass: false, entries: 5, failingEntries: 1, options: { epsilon: undefined, tolerance: 1e-7, mode: 'auto', seed: 1, budget: undefined, timeBudget: 2 } });
  });

  it('gives the right verdicts when forward runs a check of its own (the measuring room is not shared between them)', () => {
    const inner: boolean[] = [];
    // The inner check judges a wrong gradient (its 2nd entry is off by 1), inside every forward of the outer one.
    const nested = (p: ReturnType<typeof params>) => {
      inner.push(checkGradients({ dW: new Matrix([[1, 3], [3, 4]]), c: 30 }, cost, params()).pass);
      return cost(p);
    };
    const report = checkGradients(exact(), nested, params());
    expect(report.pass).toBe(true);
    expect(report.parameters[0]!.failing).toBe(0);
    expect(inner.length).toBe(report.evaluations);
    expect(inner.every((pass) => !pass)).toBe(true);
  });
});

describe('checkGradients: the parameters are bit-identical afterwards', () => {
  it('after a pass, a failure, and a forward that throws on its k-th call, for every k', () => {
    const { parameters, x, y, forward, gradients } = smooth(7);
    const before = names.map((n) => bits(parameters[n]));
    const same = () => expect(names.map((n) => bits(parameters[n]))).toEqual(before);
    checkGradients(gradients(), forward, parameters, x, y);
    same();
    const wrong = gradients();
    wrong.dW1.mul(2);
    checkGradients(wrong, forward, parameters, x, y);
    same();
    const total = checkGradients(gradients(), forward, parameters, x, y).evaluations;
    for (let k = 1; k <= total; k++) {
      let calls = 0;
      const throwing = (p: typeof parameters, xs: Matrix, ys: Matrix) => {
        if (++calls === k) throw new Error(`boom ${k}`);
        return forward(p, xs, ys);
      };
      expect(() => checkGradients(gradients(), throwing, parameters, x, y)).toThrow(GradcheckError);
      same();
    }
  });

  it('rethrows forward’s error naming the entry being perturbed, with the original as cause', () => {
    const original = new Error('shape mismatch');
    let calls = 0;
    const forward = (p: { W: number[][] }) => {
      if (++calls === 5) throw original; // J(θ) twice, W[0,0] ± h, then W[0,1] + h
      return p.W[0]![0]! + p.W[0]![1]!;
    };
    const error = (() => {
      try {
        checkGradients({ W: [[1, 1]] }, forward, { W: [[1, 2]] });
      } catch (e) {
        return e as GradcheckError;
      }
    })();
    expect(error).toBeInstanceOf(GradcheckError);
    expect(error!.message).toBe('forward threw while W[0,1] was perturbed: shape mismatch');
    expect(error!.cause).toBe(original);
  });
});

describe('checkGradients: a missing 1/m named with x in either layout', () => {
  // J = (1/m) Σᵢ ½(w·xᵢ − yᵢ)², the examples as the columns of x (the notebook) or as its rows (ml-fnn and most JS libraries).
  const examples = [[0.5, -1, 2], [1.5, 0.3, -0.7], [-0.2, 0.8, 1.1], [0.9, -0.4, 0.6], [1.2, 1, -1.3]];
  const y = [0.3, -0.2, 0.8, 0.1, -0.5];
  const residuals = (w: number[]) => examples.map((x, i) => x.reduce((s, v, j) => s + v * w[j]!, 0) - y[i]!);
  const summed = (w: number[]) => w.map((_, j) => residuals(w).reduce((s, r, i) => s + r * examples[i]![j]!, 0));

  for (const [layout, x] of [['columns', new Matrix(examples).transpose()], ['rows', new Matrix(examples)]] as const) {
    it(`examples as the ${layout} of x`, () => {
      const forward = (p: { w: number[] }) => residuals(p.w).reduce((s, r) => s + 0.5 * r * r, 0) / examples.length;
      const params = { w: [0.2, -0.4, 0.7] };
      const report = checkGradients({ dw: summed(params.w) }, forward, params, x);
      expect(report.parameters[0]!.diagnosis?.summary).toContain('Likely a missing 1/m (m = 5 examples)');
    });
  }
});
