import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { type AffineInputs, affineBackward, affineForward } from '../../examples/layers/affine.js';
import { checkGradients, checkJacobian } from '../../src/index.js';
import { checkTfGradients } from '../../src/tfjs.js';
import { seededTensor, tf } from '../tfjs/tf.js';
import { forwardPropagationN as forward } from '../../examples/notebook/network.js';
import { notebookCase } from '../models/notebook-case.js';
import schema from '../../schema/report-v1.schema.json' with { type: 'json' };

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
const validate = ajv.compile(schema);

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs `check` with a fresh report directory and returns the JSON files it wrote, parsed. */
function written(check: (reportDir: string) => void): Record<string, any>[] {
  const dir = mkdtempSync(join(tmpdir(), 'gradcheck-schema-'));
  dirs.push(dir);
  check(dir);
  return readdirSync(dir).map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')));
}

const errors = () => ajv.errorsText(validate.errors);

describe('the JSON report against schema/report-v1.schema.json', () => {
  it('validates the notebook’s buggy and correct backprop, fast and sampled checks, a bare number and Float32Arrays', () => {
    const reports = written((reportDir) => {
      const { x, y, parameters, buggy, correct } = notebookCase();
      checkGradients(buggy, forward, parameters, x, y, { reportDir });
      checkGradients(correct, forward, parameters, x, y, { reportDir });
      checkGradients(buggy, forward, parameters, x, y, { reportDir, mode: 'fast', seed: 3 });
      checkGradients(correct, forward, parameters, x, y, { reportDir, sample: 2, epsilon: 1e-7 });
      checkGradients(3 * 2, (theta: number, x: number) => theta * x, 4, 2, undefined, { reportDir });
      const w = Float32Array.from([0.5, -1.25, 2]);
      checkGradients({ w: w.map((v) => 3 * v * v) }, (p: { w: Float32Array }) => p.w.reduce((s, v) => s + v ** 3, 0), { w }, undefined, undefined, { reportDir });
    });
    expect(reports).toHaveLength(6);
    for (const report of reports) expect(validate(report), errors()).toBe(true);
    expect(reports.map((r) => r.pass).sort()).toEqual([false, false, false, true, true, true]);
  });

  it("validates a layer check's and a tfjs check's reports, each naming its kind", () => {
    const reports = written((reportDir) => {
      const inputs = { x: new Matrix([[0.5, -1], [0.25, 0.8], [-0.3, 1.2]]), w: new Matrix([[0.7, -0.4, 0.2], [0.1, 0.9, -0.6]]), b: new Matrix([[0.1, -0.2, 0.3]]) };
      const backward = (i: AffineInputs, dout: Matrix) => affineBackward(dout, i);
      checkJacobian(backward, affineForward, inputs, { reportDir });
      checkTfGradients((x: tf.Tensor) => tf.tanh(x), [seededTensor([2, 3], 1)], { reportDir });
    });
    for (const report of reports) expect(validate(report), errors()).toBe(true);
    expect(reports.map((r) => r.check).sort()).toEqual(['jacobian', 'tf-gradients']);
  });

  it('holds every checked entry, its verdict, the diagnosis, the plan and the sweep', () => {
    const [report] = written((reportDir) => {
      const { x, y, parameters, buggy } = notebookCase();
      checkGradients(buggy, forward, parameters, x, y, { reportDir });
    });
    const W2 = report!.parameters.find((p: { name: string }) => p.name === 'W2');
    expect(W2.analytic).toHaveLength(15);
    expect(W2.verdicts.filter((v: string) => v === 'fail')).toHaveLength(W2.failing);
    expect(W2.diagnosis.pattern).toBe('scale');
    expect(W2.diagnosis.estimate).toBeCloseTo(3, 6);
    expect(report!.plan).toMatchObject({ mode: 'full', requestedMode: 'auto', seed: 1, epsilon: null });
    expect(report!.plan.forwards).toBeGreaterThanOrEqual(2 * report!.entries + 2);
    expect(new Set(report!.sweeps.map((s: { parameter: string }) => s.parameter))).toEqual(new Set(['b1', 'W2']));
    expect(report!.plan.sweepForwards).toBe(report!.sweeps.length * 2 * 28);
  });

  it('rejects a report that breaks it, so the test above can fail', () => {
    const [report] = written((reportDir) => checkGradients(8, (theta: number, x: number) => theta * x, 4, 2, undefined, { reportDir }));
    for (const broken of [
      { ...report, schemaVersion: 2 },
      { ...report, pass: 'yes' },
      { ...report, surprise: 1 },
      { ...report, parameters: [{ ...report!.parameters[0], verdicts: ['maybe'] }] },
    ]) {
      expect(validate(broken)).toBe(false);
    }
  });
});
