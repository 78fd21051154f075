import { describe, expect } from 'vitest';
import { checkGradients, GradcheckError } from '../../src/index.js';
import { fingerprint } from './fingerprint.js';
import { CATEGORIES, type MalformedCall } from './malformed-calls.js';
import { fc, property } from './property.js';

/** What one malformed call did, as comparable data: the kind of exception, whether its message names the problem, whether params survived. */
function attempt(call: MalformedCall) {
  const before = call.usable ? fingerprint(call.params) : undefined;
  let thrown: unknown;
  let returned = false;
  try {
    const report = checkGradients(call.received as never, call.forward as never, call.params as never, call.x, call.y, call.options as never);
    returned = report !== undefined;
  } catch (error) {
    thrown = error;
  }
  const message = thrown instanceof Error ? thrown.message : undefined;
  const shown = (value: unknown) => {
    try {
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  };
  return {
    outcome: returned
      ? 'returned a report'
      : thrown instanceof GradcheckError
        ? 'GradcheckError'
        : `threw ${thrown instanceof Error ? `a ${thrown.constructor.name}` : typeof thrown}: ${message ?? shown(thrown)}`,
    namesTheProblem:
      typeof message === 'string' &&
      message.trim().length > 0 &&
      call.mentions.every((word) => message.toLowerCase().includes(word.toLowerCase())),
    paramsUnchanged: before === undefined || JSON.stringify(fingerprint(call.params)) === JSON.stringify(before),
    message,
  };
}

const expected = { outcome: 'GradcheckError', namesTheProblem: true, paramsUnchanged: true };

/** The four main categories run 250 times each, the edge categories 100 times each (× 20 when soaking). */
const RUNS: Record<keyof typeof CATEGORIES, number> = {
  forward: 250,
  params: 250,
  gradients: 250,
  options: 250,
  'thrown values with no string form': 100,
  'empty typed arrays and matrices': 100,
  'parameters that cannot be written in place': 100,
  'a Matrix as params': 100,
};

describe('malformed calls to checkGradients: always a GradcheckError naming the problem, never a report or another exception', () => {
  for (const [category, cases] of Object.entries(CATEGORIES) as [keyof typeof CATEGORIES, (typeof CATEGORIES)[keyof typeof CATEGORIES]][]) {
    property(`${category}`, [cases], (c) => {
      const result = attempt(c.make());
      expect(result, `${c.label}\nmessage: ${result.message}`).toMatchObject(expected);
    }, { numRuns: RUNS[category] });
  }
});

/** The distance from θ to the next double away from 0. */
const ulp = (theta: number) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(theta));
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0) - Math.abs(theta);
};

describe('an options.epsilon too small to move the parameters measures nothing', () => {
  // Entries with |θ| ≥ 0.25 and a step ε < ulp(θ)/2: θ + ε and θ − ε both round to θ, so no forward call sees a change.
  const theta = fc.oneof(fc.double({ min: 0.25, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: -0.25, noNaN: true }));
  property('a wrong gradient is never a pass: a GradcheckError naming epsilon, or a failing report', [fc.array(theta, { minLength: 1, maxLength: 4 }), fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 10, noNaN: true })], (thetas, fraction, factor) => {
    const epsilon = Math.max(Number.MIN_VALUE, (fraction * Math.min(...thetas.map(ulp))) / 4);
    fc.pre(thetas.every((t) => t + epsilon === t && t - epsilon === t));
    // J = ½ Σ θ²: the gradient is θ, and (1 + factor)·θ + 1 is wrong on every entry.
    const received = { w: thetas.map((t) => (1 + factor) * t + 1) };
    let outcome: string;
    try {
      outcome = checkGradients(received, (p: { w: number[] }) => 0.5 * p.w.reduce((s, v) => s + v * v, 0), { w: [...thetas] }, undefined, undefined, { epsilon }).pass
        ? 'pass'
        : 'fail';
    } catch (error) {
      outcome = error instanceof GradcheckError && /epsilon/i.test(error.message) ? 'GradcheckError naming epsilon' : `${(error as Error).name}: ${(error as Error).message}`;
    }
    expect(['fail', 'GradcheckError naming epsilon'], `epsilon ${epsilon}, θ = ${thetas.join(', ')}`).toContain(outcome);
  }, { numRuns: 100 });
});
