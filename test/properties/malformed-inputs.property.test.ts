import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkGradients, GradcheckError } from '../../src/index.js';
import { fingerprint } from './fingerprint.js';
import { CATEGORIES, type MalformedCall } from './malformed-calls.js';
import { runs } from './runs.js';

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
  return {
    outcome: returned
      ? 'returned a report'
      : thrown instanceof GradcheckError
        ? 'GradcheckError'
        : `threw ${thrown instanceof Error ? `a ${thrown.constructor.name}` : String(typeof thrown)}: ${message ?? String(thrown)}`,
    namesTheProblem:
      typeof message === 'string' &&
      message.trim().length > 0 &&
      call.mentions.every((word) => message.toLowerCase().includes(word.toLowerCase())),
    paramsUnchanged: before === undefined || JSON.stringify(fingerprint(call.params)) === JSON.stringify(before),
    message,
  };
}

const expected = { outcome: 'GradcheckError', namesTheProblem: true, paramsUnchanged: true };

/** The four categories the brief names run 250 times each; the edge categories 100 times each. */
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
    test.prop([cases], { numRuns: runs(RUNS[category]) })(`${category}`, (c) => {
      const result = attempt(c.make());
      expect(result, `${c.label}\nmessage: ${result.message}`).toMatchObject(expected);
    });
  }

  test.prop([fc.constantFrom(...(Object.values(CATEGORIES) as fc.Arbitrary<unknown>[]))], { numRuns: 1 })(
    'every category is non-empty',
    (arbitrary) => {
      expect(fc.sample(arbitrary, 5)).toHaveLength(5);
    },
  );
});
