import { describe, expect, it } from 'vitest';
import { checkGradients, type GradientReport } from '../../src/index.js';
import { failingLabels } from '../models/notebook-case.js';
import { seededRandom } from '../models/random.js';

const f = Math.fround;
const unverifiableLabels = (report: GradientReport) =>
  report.parameters.flatMap((p) => p.worst.filter((e) => e.unverifiable !== undefined).map((e) => e.label));

describe('several kinks inside one stencil', () => {
  // Mean absolute error of a linear model: J = (1/m) Σ |xᵢ·w − yᵢ|, with residuals planted near 0.
  function mae(residuals: readonly number[]) {
    const random = seededRandom(11);
    const n = 3;
    const x = residuals.map(() => Array.from({ length: n }, () => random() * 2 - 1));
    const w = Array.from({ length: n }, () => random() * 2 - 1);
    const y = x.map((row, i) => row.reduce((s, v, j) => s + v * w[j]!, 0) - residuals[i]!);
    const forward = (p: { w: number[] }) =>
      x.reduce((s, row, i) => s + Math.abs(row.reduce((t, v, j) => t + v * p.w[j]!, 0) - y[i]!), 0) / x.length;
    const gradient = (p: { w: number[] }) =>
      p.w.map((_, j) => x.reduce((s, row, i) => s + Math.sign(row.reduce((t, v, k) => t + v * p.w[k]!, 0) - y[i]!) * row[j]!, 0) / x.length);
    return { params: { w }, forward, gradient };
  }

  it('a correct MAE regression with residuals of a few 1e-9 passes', () => {
    const { params, forward, gradient } = mae([3e-9, -2e-9, 0.4, -0.7, 5e-9, 1.2]);
    const report = checkGradients({ dw: gradient(params) }, forward, params);
    expect(failingLabels(report)).toEqual([]);
    expect(report.kinks).toBeGreaterThan(0);
  });

  it('the gradient of the wrong side of a residual at 2e-9 fails', () => {
    const { params, forward, gradient } = mae([3e-9, -2e-9, 0.4, -0.7, 5e-9, 1.2]);
    const g = gradient(params);
    // As if sign(r) were taken on the other side of the kink for the residual at −2e-9.
    const random = seededRandom(11);
    const row1 = Array.from({ length: 6 }, () => Array.from({ length: 3 }, () => random() * 2 - 1))[1]!;
    g[0] = g[0]! + (2 * row1[0]!) / 6;
    expect(failingLabels(checkGradients({ dw: g }, forward, params))).toEqual(['w[0]']);
  });
});

describe('a smooth cost that varies on a scale far below |θ|', () => {
  // tanh of a bias near 1e4 that is nearly cancelled: the |θ|-scaled step (0.08) is wide next to tanh's scale.
  for (const offset of [1e3, 1e4, 1e5]) {
    const forward = (p: { b: number[] }) => Math.tanh(p.b[0]! - offset + 0.3) + 0.5 * Math.tanh(2 * (p.b[1]! - offset) - 0.1);
    const gradient = (b: number[]) => [1 - Math.tanh(b[0]! - offset + 0.3) ** 2, 1 - Math.tanh(2 * (b[1]! - offset) - 0.1) ** 2];

    it(`passes a correct gradient at a bias of ${offset}, in 'full' mode too`, () => {
      const params = { b: [offset, offset] };
      expect(failingLabels(checkGradients({ db: gradient(params.b) }, forward, params))).toEqual([]);
      expect(failingLabels(checkGradients({ db: gradient(params.b) }, forward, params, undefined, undefined, { mode: 'full' }))).toEqual([]);
    });

    it(`fails a gradient 1% off at a bias of ${offset}`, () => {
      const params = { b: [offset, offset] };
      const g = gradient(params.b);
      g[1] = g[1]! * 1.01;
      expect(failingLabels(checkGradients({ db: g }, forward, params))).toEqual(['b[1]']);
    });
  }
});

/** atan2(y, x) summed with weights, every operation in float32, near the branch cut (x < 0, y a hair from 0). */
function atan2Near(storage: 'float32' | 'float64') {
  const array = storage === 'float32' ? Float32Array : Float64Array;
  const y = array.from([1e-3, -4e-4, 0.6, 2e-4, -0.3]);
  const x = array.from([-0.5, -0.8, 0.4, -0.3, -0.9]);
  const weights = [0.7, -1.3, 0.9, 1.1, -0.4];
  const forward = (p: { y: Float32Array | Float64Array; x: Float32Array | Float64Array }) =>
    weights.reduce((s, c, i) => f(s + f(c * f(Math.atan2(f(p.y[i]!), f(p.x[i]!))))), 0);
  const gradients = () => {
    const dy = new array(5);
    const dx = new array(5);
    weights.forEach((c, i) => {
      const r2 = f(f(x[i]! * x[i]!) + f(y[i]! * y[i]!));
      dy[i] = f(f(c * x[i]!) / r2);
      dx[i] = f(f(-c * y[i]!) / r2);
    });
    return { dy, dx };
  };
  return { params: { y, x }, forward, gradients };
}

describe('never pass on an error bar larger than what it checks: float32 atan2 near its branch cut', () => {
  for (const storage of ['float32', 'float64'] as const) {
    it(`the correct gradient passes (${storage} storage)`, () => {
      const { params, forward, gradients } = atan2Near(storage);
      expect(failingLabels(checkGradients(gradients(), forward, params))).toEqual([]);
    });

    it(`a sign flip, ×2 or ×0 of any single entry is caught (${storage} storage)`, () => {
      for (const name of ['dy', 'dx'] as const) {
        for (let i = 0; i < 5; i++) {
          for (const factor of [-1, 2, 0]) {
            const { params, forward, gradients } = atan2Near(storage);
            const g = gradients();
            g[name][i] = g[name][i]! * factor;
            const report = checkGradients(g, forward, params);
            expect(report.pass, `${name}[${i}] × ${factor}`).toBe(false);
            expect([...failingLabels(report), ...unverifiableLabels(report)], `${name}[${i}] × ${factor}`).toContain(
              `${name.slice(1)}[${i}]`,
            );
          }
        }
      }
    });
  }
});

/** Σ cᵢ·max(aᵢ, bᵢ) in float32, with a near-tie in every pair, weights large enough for 1% to matter. */
function maxSwitch(seed: number) {
  const random = seededRandom(seed);
  const n = 6;
  const a = Float32Array.from({ length: n }, () => f(random() * 4 - 2));
  const b = Float32Array.from(a, (v, i) => f(v + (i % 2 === 0 ? 1 : -1) * 10 ** (-2 - 3 * random())));
  const c = Array.from({ length: n }, () => f(5 + 10 * random()));
  const forward = (p: { a: Float32Array; b: Float32Array }) => c.reduce((s, ci, i) => f(s + f(ci * Math.max(p.a[i]!, p.b[i]!))), 0);
  const gradients = () => ({
    da: Float32Array.from(c, (ci, i) => (a[i]! >= b[i]! ? ci : 0)),
    db: Float32Array.from(c, (ci, i) => (a[i]! >= b[i]! ? 0 : ci)),
  });
  return { params: { a, b }, forward, gradients };
}

describe('float32 entries next to a max switch', () => {
  it('correct gradients pass', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { params, forward, gradients } = maxSwitch(seed);
      expect(failingLabels(checkGradients(gradients(), forward, params)), `seed ${seed}`).toEqual([]);
    }
  });

  it('a 1% error in any large entry is caught', () => {
    for (let seed = 1; seed <= 10; seed++) {
      for (let i = 0; i < 6; i++) {
        const { params, forward, gradients } = maxSwitch(seed);
        const g = gradients();
        const name = g.da[i] !== 0 ? 'da' : 'db';
        g[name][i] = g[name][i]! * 1.01;
        expect(failingLabels(checkGradients(g, forward, params)), `seed ${seed}, ${name}[${i}]`).toContain(`${name.slice(1)}[${i}]`);
      }
    }
  });
});
