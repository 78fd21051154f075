import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/diagnosis/diagnose.js';
import { diagnoseZero } from '../../../src/diagnosis/zero.js';
import { caseOf, evidenceOf, gradientPair, unpatterned } from './gradient-case.js';

describe("diagnosis 'zero'", () => {
  it('names a branch that never reaches one row of W1 (5×4)', () => {
    const { exact, numeric } = gradientPair(51, 20);
    const analytic = exact.map((g, k) => (Math.floor(k / 4) === 2 ? 0 : g)); // row 2: hidden unit 2's path dropped
    const diagnosis = diagnose(caseOf({ name: 'W1', shape: [5, 4], numeric, analytic, batchSize: 3 }));
    expect(diagnosis?.pattern).toBe('zero');
    expect(diagnosis?.entries).toEqual(['W1[2,0]', 'W1[2,1]', 'W1[2,2]', 'W1[2,3]']);
    expect(diagnosis?.summary).toBe(
      'analytic is 0 where numeric is not (4 of 20 entries, e.g. W1[2,0], W1[2,1], W1[2,2], …): a branch of backprop never reaches this parameter (detached, or `=` where `+=` was meant)',
    );
  });

  it('names a gradient that is 0 everywhere, with at most 5 labels', () => {
    const { numeric } = gradientPair(52, 20);
    const diagnosis = diagnose(caseOf({ name: 'W1', shape: [5, 4], numeric, analytic: new Float64Array(20) }));
    expect(diagnosis?.pattern).toBe('zero');
    expect(diagnosis?.entries).toHaveLength(5);
    expect(diagnosis?.summary).toMatch(/^analytic is 0 where numeric is not \(all 20 entries, e\.g\. W1\[0,0\], W1\[0,1\], W1\[0,2\], …\)/);
  });

  it('does not fire when some failing entries are not 0', () => {
    const { exact, numeric } = gradientPair(53, 20);
    const analytic = exact.map((g, k) => (k < 4 ? 0 : k === 10 ? 2 * g : g));
    expect(diagnoseZero(evidenceOf({ name: 'W1', shape: [5, 4], numeric, analytic }))).toBeUndefined();
  });

  it('does not fire on a correct gradient, a noisy one, or random errors', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const { label, spec } of unpatterned(seed, [5, 4])) {
        expect(diagnoseZero(evidenceOf(spec)), `${label}, seed ${seed}`).toBeUndefined();
      }
    }
  });
});
