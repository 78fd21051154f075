import { Matrix } from 'ml-matrix';
import { describe, expect } from 'vitest';
import { columnSums, mapEntries, times } from '../../examples/layers/matrix.js';
import { randomMatrix, seeded } from '../../examples/layers/random.js';
import { checkJacobian, unroll } from '../../src/index.js';
import { fc, property } from './property.js';

/** A random smooth layer, out = tanh(x·w + b), of random shapes and values. */
const layerSpec = fc.record({
  n: fc.integer({ min: 1, max: 4 }),
  d: fc.integer({ min: 1, max: 5 }),
  m: fc.integer({ min: 1, max: 4 }),
  scale: fc.constantFrom(0.1, 1, 3),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

type Inputs = { x: Matrix; w: Matrix; b: Matrix };

type Spec = { n: number; d: number; m: number; scale: number; seed: number };

function inputsOf({ n, d, m, scale, seed }: Spec): Inputs {
  const r = seeded(seed);
  return { x: randomMatrix(n, d, r, scale), w: randomMatrix(d, m, r, scale), b: randomMatrix(1, m, r, scale) };
}

const forward = ({ x, w, b }: Inputs) => mapEntries(x.mmul(w).addRowVector(b.to1DArray()), Math.tanh);

function backward({ x, w, b }: Inputs, dout: Matrix) {
  const da = times(dout, mapEntries(forward({ x, w, b }), (t) => 1 - t * t));
  return { dx: da.mmul(w.transpose()), dw: x.transpose().mmul(da), db: columnSums(da) };
}

const flat = ({ x, w, b }: Inputs) => unroll({ x, w, b }).vector;

describe('random smooth layers, tanh(x·w + b)', () => {
  property(
    'the correct backward passes, by ⟨dout, out⟩ and by the full Jacobian, and the inputs are left bit-identical',
    [layerSpec],
    (spec) => {
      const inputs = inputsOf(spec);
      const before = flat(inputs);
      expect(checkJacobian(backward, forward, inputs).pass).toBe(true);
      expect(checkJacobian(backward, forward, inputs, { jacobian: 'full' }).pass).toBe(true);
      expect(flat(inputs).every((v, k) => Object.is(v, before[k]))).toBe(true);
    },
    { numRuns: 25 },
  );

  property(
    'a 1e-5 relative error in one entry of one gradient fails, and that entry is named',
    [layerSpec, fc.constantFrom('dx' as const, 'dw' as const, 'db' as const), fc.nat()],
    (spec, name, pick) => {
      const inputs = inputsOf(spec);
      const dout = randomMatrix(spec.n, spec.m, seeded(spec.seed + 1));
      const size = { dx: spec.n * spec.d, dw: spec.d * spec.m, db: spec.m }[name];
      const k = pick % size;
      const columns = { dx: spec.d, dw: spec.m, db: spec.m }[name];
      const [row, column] = [Math.floor(k / columns), k % columns];
      const wrong = (i: Inputs, d: Matrix) => {
        const gradients = backward(i, d);
        gradients[name].set(row, column, gradients[name].get(row, column) * (1 + 1e-5));
        return gradients;
      };
      // Below 1e-4·Σ|dout ⊙ out| (a saturated tanh), a 1e-5 error sits under the rounding the check
      // allows a central difference, 16 ulps of ⟨dout, out⟩ over the step (~5e-5 of it): no check could see it.
      const analytic = backward(inputs, dout)[name].get(row, column);
      const contraction = times(dout, forward(inputs)).to1DArray().reduce((sum, v) => sum + Math.abs(v), 0);
      fc.pre(Math.abs(analytic) > 1e-4 * contraction);
      const report = checkJacobian(wrong, forward, inputs, { dout });
      expect(report.pass).toBe(false);
      expect(report.failingEntries).toBe(1);
      expect(report.parameters.flatMap((p) => p.worst).find((e) => !e.pass)?.label).toBe(`${name}[${row},${column}]`);
    },
    { numRuns: 40 },
  );
});
