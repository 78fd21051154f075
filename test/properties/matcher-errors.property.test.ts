import { stripVTControlCharacters } from 'node:util';
import type fc from 'fast-check';
import { describe, expect } from 'vitest';
import { CATEGORIES, type MalformedCall } from './malformed-calls.js';
import { property } from './property.js';

/** The matcher as Vitest's `expect` exposes it, called with whatever the malformed call holds. */
type Loose = { toHaveCorrectGradients(forward: unknown, params: unknown, x?: unknown, y?: unknown, options?: unknown): void };

/** What `expect(received)[.not].toHaveCorrectGradients(...)` did with one malformed call. */
function assertionOutcome(call: MalformedCall, negated: boolean) {
  const assertion = (negated ? expect(call.received).not : expect(call.received)) as unknown as Loose;
  try {
    assertion.toHaveCorrectGradients(call.forward, call.params, call.x, call.y, call.options);
  } catch (error) {
    if (!(error instanceof Error)) return { outcome: `threw a non-Error: ${String(typeof error)}` };
    const message = stripVTControlCharacters(error.message);
    return message.includes('Matcher error') ? { outcome: 'matcher error' } : { outcome: `threw ${error.constructor.name}: ${message.slice(0, 300)}` };
  }
  return { outcome: negated ? 'passed .not' : 'passed' };
}

/**
 * A sample of the malformed calls of malformed-inputs, through the real Vitest matcher (registered by
 * this repo's vitest config): unusable input is a matcher error for the matcher and for `.not`, never a
 * pass of either and never a plain assertion failure.
 */
describe('malformed calls through expect(received).toHaveCorrectGradients and .not: always a matcher error', () => {
  for (const [category, cases] of Object.entries(CATEGORIES) as [keyof typeof CATEGORIES, fc.Arbitrary<{ label: string; make(): MalformedCall }>][]) {
    property(`${category}`, [cases], (c) => {
      expect({ matcher: assertionOutcome(c.make(), false), not: assertionOutcome(c.make(), true) }, c.label).toEqual({
        matcher: { outcome: 'matcher error' },
        not: { outcome: 'matcher error' },
      });
    }, { numRuns: 15 });
  }
});
