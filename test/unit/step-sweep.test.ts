import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SWEEP_ENTRIES, SWEEP_STEPS, sweepEntry } from '../../src/comparison/step-sweep.js';
import { checkGradients } from '../../src/index.js';
import { parameterSet } from '../../src/parameters/parameter-set.js';
import { centralDifferences } from '../../src/perturbation/central-difference.js';
import { costEvaluator } from '../../src/perturbation/cost-evaluator.js';
import { failingLabels, notebookCase } from '../models/notebook-case.js';
import { forwardPropagationN } from '../../examples/notebook/network.js';

const reportDir = mkdtempSync(join(tmpdir(), 'gradcheck-sweep-'));
afterAll(() => rmSync(reportDir, { recursive: true, force: true }));

// J = Σ sin(3w): a smooth cost with a third derivative, so central differences show truncation.
const sinCost = (p: { w: number[] }) => p.w.reduce((s, v) => s + Math.sin(3 * v), 0);
const sinGradient = (w: readonly number[]) => w.map((v) => 3 * Math.cos(3 * v));

function sweep(params: { w: number[] | Float32Array }, k: number, analytic: number) {
  const set = parameterSet(params);
  const cost = costEvaluator(sinCost, set, undefined, undefined);
  const measure = centralDifferences(cost, cost.evaluate());
  return { points: sweepEntry(measure, set.slots[0]!, k, analytic), evaluations: cost.evaluations };
}

const decade = (h: number) => Math.round(Math.log10(h));

describe('step-size sweep', () => {
  it('takes 28 steps from 1e-1 down to 1e-10, two forwards each', () => {
    expect(SWEEP_STEPS).toHaveLength(28);
    expect(SWEEP_STEPS[0]).toBeCloseTo(1e-1, 15);
    expect(SWEEP_STEPS.at(-1)).toBeCloseTo(1e-10, 24);
    const { evaluations } = sweep({ w: [0.4] }, 0, sinGradient([0.4])[0]!);
    expect(evaluations).toBe(1 + 2 * 28);
  });

  it('draws a V for a correct gradient: truncation at large steps, rounding at small ones, a minimum between', () => {
    const w = [0.4, -1.1];
    const { points } = sweep({ w }, 1, sinGradient(w)[1]!);
    const errors = points.map((p) => p.relError);
    const best = Math.min(...errors);
    const at = points[errors.indexOf(best)]!.step;
    expect(best).toBeLessThan(1e-9);
    expect(decade(at)).toBeGreaterThanOrEqual(-7);
    expect(decade(at)).toBeLessThanOrEqual(-3);
    expect(errors[0]).toBeGreaterThan(1e4 * best); // h = 1e-1: O(h²) truncation
    expect(errors.at(-1)).toBeGreaterThan(1e3 * best); // h = 1e-10: O(ε/h) rounding
  });

  it('stays flat, far above, for a wrong gradient', () => {
    const w = [0.4];
    const { points } = sweep({ w }, 0, 1.5 * sinGradient(w)[0]!);
    for (const p of points) expect(p.relError).toBeCloseTo(0.2, 1);
  });

  it('leaves out steps a Float32Array cannot take, rather than failing', () => {
    const w = Float32Array.from([0.75]);
    const { points } = sweep({ w }, 0, sinGradient([0.75])[0]!);
    const missing = points.filter((p) => Number.isNaN(p.numeric));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((p) => p.step < 1e-7 && Number.isNaN(p.relError))).toBe(true);
    expect(w[0]).toBe(Math.fround(0.75));
  });
});

describe('checkGradients with a report directory', () => {
  it('sweeps the worst failing entries of each failing parameter only, outside its forward count, leaving params bit-identical', () => {
    const { x, y, parameters, buggy } = notebookCase();
    const before = Object.values(parameters).map((m) => m.to1DArray());
    const plain = checkGradients(buggy, forwardPropagationN, parameters, x, y);
    const reported = checkGradients(buggy, forwardPropagationN, parameters, x, y, { reportDir });
    expect(plain.sweeps).toBeUndefined();
    expect(reported.evaluations).toBe(plain.evaluations);
    const swept = reported.sweeps!;
    expect([...new Set(swept.map((s) => s.parameter))]).toEqual(['b1', 'W2']);
    for (const name of ['b1', 'W2']) {
      const worst = failingLabels(reported).filter((l) => l.startsWith(`${name}[`)).slice(0, SWEEP_ENTRIES);
      expect(swept.filter((s) => s.parameter === name).map((s) => s.label)).toEqual(worst);
    }
    expect(Object.values(parameters).map((m) => m.to1DArray())).toEqual(before);
    expect(Object.is(reported.sweeps![0]!.step, 2 ** -17)).toBe(true); // b1[0,0] is below 1 in magnitude: the bare relative step
  });

  it('sweeps nothing when every gradient is right', () => {
    const { x, y, parameters, correct } = notebookCase();
    expect(checkGradients(correct, forwardPropagationN, parameters, x, y, { reportDir }).sweeps).toEqual([]);
  });
});
