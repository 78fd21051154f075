import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import {
  backward1d,
  backwardPropagationN,
  buggyBackwardPropagationN,
  forward1d,
  forwardPropagationN,
  gradientCheckNTestCase,
  type NotebookGradients,
} from '../../examples/notebook/network.js';
import fixture from '../fixtures/seed-test-case.json' with { type: 'json' };

const tol = fixture.cross_implementation.recommended_tolerances;
const PARAM_KEYS = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'] as const;
const GRAD_KEYS = ['dW1', 'db1', 'dW2', 'db2', 'dW3', 'db3'] as const;
const CACHE_KEYS = ['Z1', 'A1', 'Z2', 'A2', 'Z3', 'A3'] as const;

/** |a - b| / max(|a|, |b|), with 0 when both are 0 (so exact zeros compare equal). */
function relDiff(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

/** Largest relative difference over all elements; fails if the shapes differ. */
function maxRelDiff(actual: Matrix, expected: number[][]): number {
  expect([actual.rows, actual.columns]).toEqual([expected.length, expected[0]?.length ?? 0]);
  let worst = 0;
  expected.forEach((row, i) =>
    row.forEach((e, j) => {
      worst = Math.max(worst, relDiff(actual.get(i, j), e));
    }),
  );
  return worst;
}

function snapshot(m: Matrix): number[][] {
  return m.to2DArray();
}

describe('notebook network port (examples/notebook/network.ts)', () => {
  it('gradientCheckNTestCase returns the fixture inputs as fresh matrices', () => {
    const a = gradientCheckNTestCase();
    expect(a.x.to2DArray()).toEqual(fixture.x);
    expect(a.y.to2DArray()).toEqual(fixture.y);
    for (const k of PARAM_KEYS) {
      expect(a.parameters[k].to2DArray()).toEqual(fixture.parameters[k]);
    }
    a.parameters.W1.set(0, 0, 123);
    a.x.set(0, 0, 123);
    const b = gradientCheckNTestCase();
    expect(b.parameters.W1.get(0, 0)).toBe(fixture.parameters.W1[0]![0]);
    expect(b.x.get(0, 0)).toBe(fixture.x[0]![0]);
  });

  it('forward propagation reproduces the cost and the forward cache', () => {
    const { x, y, parameters } = gradientCheckNTestCase();
    const [cost, cache] = forwardPropagationN(parameters, x, y);

    expect(relDiff(cost, fixture.expected.cost)).toBeLessThanOrEqual(tol.cost_rel);
    for (const k of CACHE_KEYS) {
      expect(maxRelDiff(cache[k], fixture.expected.forward_cache[k]), k).toBeLessThanOrEqual(
        tol.forward_cache_rel,
      );
    }
    // the cache holds the parameters, like the notebook's tuple
    for (const k of PARAM_KEYS) {
      expect(cache[k].to2DArray()).toEqual(fixture.parameters[k]);
    }
  });

  const variants = [
    ['correct', backwardPropagationN, fixture.expected.gradient_check_n.correct_backprop],
    ['buggy', buggyBackwardPropagationN, fixture.expected.gradient_check_n.buggy_backprop],
  ] as const;

  for (const [name, backward, expected] of variants) {
    it(`${name} backward propagation reproduces the gradients and dZ1..dZ3`, () => {
      const { x, y, parameters } = gradientCheckNTestCase();
      const [, cache] = forwardPropagationN(parameters, x, y);
      const grads: NotebookGradients = backward(x, y, cache);

      for (const k of GRAD_KEYS) {
        expect(maxRelDiff(grads[k], expected.gradients[k]), k).toBeLessThanOrEqual(
          tol.analytic_gradients_rel,
        );
        expect([grads[k].rows, grads[k].columns], k).toEqual([
          parameters[k.slice(1) as (typeof PARAM_KEYS)[number]].rows,
          parameters[k.slice(1) as (typeof PARAM_KEYS)[number]].columns,
        ]);
      }
      for (const k of ['dZ1', 'dZ2', 'dZ3'] as const) {
        expect(maxRelDiff(grads[k], expected.backward_intermediates[k]), k).toBeLessThanOrEqual(
          tol.analytic_gradients_rel,
        );
      }
    });
  }

  it('the buggy and correct gradients differ only in dW2 (factor m) and db1 (factor 2)', () => {
    const { x, y, parameters } = gradientCheckNTestCase();
    const [, cache] = forwardPropagationN(parameters, x, y);
    const good = backwardPropagationN(x, y, cache);
    const bad = buggyBackwardPropagationN(x, y, cache);
    for (const k of ['dW1', 'db2', 'dW3', 'db3'] as const) {
      expect(bad[k].to2DArray(), k).toEqual(good[k].to2DArray());
    }
    expect(maxRelDiff(bad.dW2, good.dW2.clone().mul(x.columns).to2DArray())).toBeLessThan(1e-15);
    expect(maxRelDiff(bad.db1, good.db1.clone().mul(2).to2DArray())).toBeLessThan(1e-15);
  });

  it('forward and backward do not mutate their inputs', () => {
    const { x, y, parameters } = gradientCheckNTestCase();
    const before = {
      x: snapshot(x),
      y: snapshot(y),
      ...Object.fromEntries(PARAM_KEYS.map((k) => [k, snapshot(parameters[k])])),
    };
    const [, cache] = forwardPropagationN(parameters, x, y);
    const cacheBefore = Object.fromEntries(CACHE_KEYS.map((k) => [k, snapshot(cache[k])]));
    backwardPropagationN(x, y, cache);
    buggyBackwardPropagationN(x, y, cache);
    forwardPropagationN(parameters, x, y);

    expect({
      x: snapshot(x),
      y: snapshot(y),
      ...Object.fromEntries(PARAM_KEYS.map((k) => [k, snapshot(parameters[k])])),
    }).toEqual(before);
    expect(Object.fromEntries(CACHE_KEYS.map((k) => [k, snapshot(cache[k])]))).toEqual(cacheBefore);
  });

  it('1-D model: J = theta * x, dJ/dtheta = x', () => {
    const c = fixture.expected.gradient_check_1d;
    expect(forward1d(c.theta, c.x)).toBe(c.theta * c.x);
    expect(forward1d(c.theta_plus, c.x)).toBe(c.J_plus);
    expect(forward1d(c.theta_minus, c.x)).toBe(c.J_minus);
    expect(backward1d(c.x)).toBe(c.grad);
  });
});
