import { describe, expect } from 'vitest';
import { checkGradients } from '../../src/index.js';
import { halfSquares } from './malformed-calls.js';
import { fc, property } from './property.js';

/**
 * Parameter names are the user's: besides the usual ones, names that Object.prototype also has
 * (`constructor`, `toString`, …) must work, their gradient keyed by name or by d + name like any other.
 * No name is d + another name here (that pair would be ambiguous by the d-prefix rule itself).
 */
const USUAL = ['W1', 'b1', 'W2', 'gamma', 'theta'];
const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString', '__proto__'];

/** An object with exactly these own, enumerable properties (also for `__proto__`). */
function own(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const entry = fc.tuple(
  fc.oneof({ arbitrary: fc.constantFrom(...USUAL), weight: 1 }, { arbitrary: fc.constantFrom(...PROTOTYPE_NAMES), weight: 1 }),
  fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 4 }),
  fc.boolean(),
);

describe('gradient keys', () => {
  property(
    'a correct gradient passes for any parameter name, keyed by name or by d + name',
    [fc.uniqueArray(entry, { minLength: 1, maxLength: 4, selector: ([name]) => name })],
    (entries) => {
      const params = own(entries.map(([name, values]) => [name, [...values]]));
      // J = ½ Σ θ², so the gradient is θ itself.
      const received = own(entries.map(([name, values, dPrefix]) => [dPrefix ? `d${name}` : name, [...values]]));
      let outcome: string;
      try {
        outcome = checkGradients(received, halfSquares, params as Record<string, number[]>).pass ? 'pass' : 'fail';
      } catch (error) {
        outcome = `${(error as Error).name}: ${(error as Error).message}`;
      }
      expect(outcome, `keys ${Object.keys(received).join(', ')}`).toBe('pass');
    },
    { numRuns: 200 },
  );
});
