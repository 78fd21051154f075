import { describe, expect, it } from 'vitest';
import {
  backward1d,
  backwardPropagationN,
  buggyBackwardPropagationN,
  forward1d,
  forwardPropagationN,
  gradientCheckNTestCase,
} from '../../examples/notebook/network.js';
import { checkGradients } from '../../src/index.js';
import fixture from '../fixtures/seed-test-case.json' with { type: 'json' };

const expected = fixture.expected.gradient_check_n;
/** The fixture's tolerance for a port whose exp/log differ from glibc's by an ulp (1 ulp of J is 2.2e-9 in gradapprox). */
const GRADAPPROX_ABS = fixture.cross_implementation.recommended_tolerances.gradapprox_abs;
/** The notebook prints 0.313475336891879; the last digits depend on summation order and BLAS. */
const NOTEBOOK_PRINTED = Number(fixture.blas_sensitivity.notebook_printed_buggy);

function check(which: 'correct' | 'buggy', options?: { epsilon: number }) {
  const { x, y, parameters } = gradientCheckNTestCase();
  const [, cache] = forwardPropagationN(parameters, x, y);
  const backward = which === 'correct' ? backwardPropagationN : buggyBackwardPropagationN;
  return checkGradients(backward(x, y, cache), forwardPropagationN, parameters, x, y, options);
}

const gradapprox = (report: ReturnType<typeof check>) => report.parameters.flatMap((p) => Array.from(p.numeric));

describe("the notebook's numbers, with { epsilon: 1e-7 }", () => {
  it('1-D (θ = 4, x = 2): difference 2.919335883291695e-10 exactly', () => {
    const report = checkGradients(backward1d(2), forward1d, 4, 2, undefined, { epsilon: 1e-7 });
    expect(report.difference).toBe(2.919335883291695e-10);
    expect(report.parameters[0]!.numeric[0]).toBe(fixture.expected.gradient_check_1d.gradapprox);
    expect(report.pass).toBe(true);
  });

  it('buggy backprop: difference 0.313475336891879 to 1e-8 relative, and the same gradapprox', () => {
    const report = check('buggy', { epsilon: 1e-7 });
    expect(Math.abs(report.difference - NOTEBOOK_PRINTED) / NOTEBOOK_PRINTED).toBeLessThan(1e-8);
    gradapprox(report).forEach((value, i) => expect(Math.abs(value - expected.gradapprox[i]!)).toBeLessThan(GRADAPPROX_ABS));
    const maxErr = Object.fromEntries(report.parameters.map((p) => [p.name, p.maxAbsError]));
    expect(maxErr.b1).toBeCloseTo(expected.per_parameter_max_abs_err.b1.buggy_max_abs_err, 6);
    expect(maxErr.W2).toBeCloseTo(expected.per_parameter_max_abs_err.W2.buggy_max_abs_err, 6);
  });

  it('correct backprop: the notebook’s 1.19e-7 is rounding noise, which the per-entry verdict passes', () => {
    const report = check('correct', { epsilon: 1e-7 });
    expect(report.difference).toBeGreaterThan(1e-7); // the notebook's own threshold would call this a mistake
    expect(report.difference).toBeLessThan(1e-6);
    expect(report.pass).toBe(true);
  });
});

describe('the notebook network with default options', () => {
  it('passes the corrected backprop with 2P + 3 forward calls', () => {
    const report = check('correct');
    expect(report.pass).toBe(true);
    expect(report.difference).toBeLessThan(1e-8);
    expect(report.evaluations).toBe(2 * 47 + 3);
  });

  it('fails the buggy backprop in W2 and b1 only, and still reports the notebook difference', () => {
    const report = check('buggy');
    expect(report.pass).toBe(false);
    expect(report.parameters.filter((p) => !p.pass).map((p) => p.name)).toEqual(['b1', 'W2']);
    expect(report.difference).toBeCloseTo(0.3134753, 6);
    const W2 = report.parameters.find((p) => p.name === 'W2')!;
    for (const entry of W2.worst.filter((e) => !e.pass)) expect(entry.analytic / entry.numeric).toBeCloseTo(3, 6);
  });
});
