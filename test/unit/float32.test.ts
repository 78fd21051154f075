import { describe, expect, it } from 'vitest';
import { checkGradients } from '../../src/index.js';
import { parameterSet } from '../../src/parameters/parameter-set.js';
import { failingLabels } from '../models/notebook-case.js';
import { seededRandom } from '../models/random.js';

const f = Math.fround;

/**
 * A layer as float32 libraries compute it: y = tanh(W·x + b) and a mean squared error, every
 * operation rounded to float32 (as with Float32Array intermediates). Its cost carries ~1e-8
 * relative rounding noise, eight orders of magnitude above float64's.
 */
function float32Layer(seed: number, storage: 'float32' | 'float64', n = 6, o = 4, m = 5) {
  const random = seededRandom(seed);
  const array = storage === 'float32' ? Float32Array : Float64Array;
  const W = new array(o * n).map(() => f(random() - 0.5));
  const b = new array(o).map(() => f(random() - 0.5));
  const x = Float32Array.from({ length: n * m }, () => random() * 2 - 1);
  const t = Float32Array.from({ length: o * m }, () => random() * 2 - 1);
  type P = { W: Float32Array | Float64Array; b: Float32Array | Float64Array };
  const activations = (p: P, i: number, j: number) => {
    let z = f(p.b[i]!);
    for (let k = 0; k < n; k++) z = f(z + f(f(p.W[i * n + k]!) * x[k * m + j]!));
    const y = f(Math.tanh(z));
    return { y, d: f(y - t[i * m + j]!) };
  };
  const forward = (p: P) => {
    let loss = 0;
    for (let j = 0; j < m; j++) for (let i = 0; i < o; i++) loss = f(loss + f(activations(p, i, j).d ** 2));
    return f(loss / (o * m));
  };
  const gradients = (p: P) => {
    const dW = new array(o * n);
    const db = new array(o);
    for (let j = 0; j < m; j++) {
      for (let i = 0; i < o; i++) {
        const { y, d } = activations(p, i, j);
        const dz = f(f((2 * d) / (o * m)) * f(1 - y * y));
        db[i] = f(db[i]! + dz);
        for (let k = 0; k < n; k++) dW[i * n + k] = f(dW[i * n + k]! + f(dz * x[k * m + j]!));
      }
    }
    return { dW, db };
  };
  const params: P = { W, b };
  return { params, forward, gradients };
}

describe('costs computed in float32', () => {
  for (const storage of ['float32', 'float64'] as const) {
    it(`correct gradients pass (parameters in ${storage} arrays)`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const { params, forward, gradients } = float32Layer(seed, storage);
        const report = checkGradients(gradients(params), forward, params);
        expect(failingLabels(report), `seed ${seed}`).toEqual([]);
        expect(report.costNoise ?? 0).toBeGreaterThan(1e-12);
      }
    });

    it(`a 1% error in the largest entry is named (parameters in ${storage} arrays)`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const { params, forward, gradients } = float32Layer(seed, storage);
        const g = gradients(params);
        const k = Array.from(g.dW.keys()).reduce((best, i) => (Math.abs(g.dW[i]!) > Math.abs(g.dW[best]!) ? i : best));
        g.dW[k] = g.dW[k]! * 1.01;
        expect(failingLabels(checkGradients(g, forward, params)), `seed ${seed}`).toContain(`W[${k}]`);
      }
    });
  }
});

describe('arrays of Float32Array rows (as brain.js keeps its weights)', () => {
  it('are float32 storage: they take float32\'s step, pass when correct, and a 1% error in the largest entry is named', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { params, forward, gradients } = float32Layer(seed, 'float32');
      const rows = Array.from({ length: 4 }, (_, i) => params.W.subarray(i * 6, (i + 1) * 6) as Float32Array);
      const asRows = { W: rows, b: params.b };
      expect(parameterSet(asRows).slots[0]!.float32).toBe(true);
      const flat = (p: typeof asRows) => forward({ W: params.W, b: p.b });
      const g = gradients(params);
      const dW = Array.from({ length: 4 }, (_, i) => Array.from(g.dW.subarray(i * 6, (i + 1) * 6)));
      expect(failingLabels(checkGradients({ dW, db: g.db }, flat, asRows)), `seed ${seed}`).toEqual([]);
      const k = Array.from(g.dW.keys()).reduce((best, i) => (Math.abs(g.dW[i]!) > Math.abs(g.dW[best]!) ? i : best));
      dW[Math.floor(k / 6)]![k % 6]! *= 1.01;
      expect(failingLabels(checkGradients({ dW, db: g.db }, flat, asRows)), `seed ${seed}`).toContain(`W[${Math.floor(k / 6)},${k % 6}]`);
    }
  });
});
