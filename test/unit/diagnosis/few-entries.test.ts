import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/diagnosis/diagnose.js';
import { diagnoseFewEntries } from '../../../src/diagnosis/few-entries.js';
import { caseOf, evidenceOf, gradientPair, unpatterned } from './gradient-case.js';

/** A 3×5 gradient with the given flat entries replaced by the values at `from` (an index slip). */
function slipped(slips: Record<number, number>, seed = 61) {
  const { exact, numeric } = gradientPair(seed, 15);
  const analytic = exact.map((g, k) => (k in slips ? exact[slips[k]!]! : g));
  return { name: 'W2', shape: [3, 5], numeric, analytic, batchSize: 3 };
}

describe("diagnosis 'few-entries'", () => {
  it('names the two entries an index slip swapped', () => {
    const diagnosis = diagnose(caseOf(slipped({ 8: 10, 10: 8 }))); // W2[1,3] and W2[2,0] swapped
    expect(diagnosis?.pattern).toBe('few-entries');
    expect(diagnosis?.entries).toEqual(['W2[1,3]', 'W2[2,0]']);
    expect(diagnosis?.summary).toBe('only 2 of 15 entries are wrong (W2[1,3], W2[2,0]): an indexing bug at those entries?');
  });

  it('names a single wrong entry', () => {
    expect(diagnose(caseOf(slipped({ 4: 3 })))?.summary).toBe('only 1 of 15 entries is wrong (W2[0,4]): an indexing bug at that entry?');
  });

  it('does not fire when more than 10% of the entries are wrong', () => {
    expect(diagnoseFewEntries(evidenceOf(slipped({ 1: 2, 2: 1, 7: 9 })))).toBeUndefined();
  });

  it('does not fire when the entries that match are all 0 on both sides', () => {
    const { numeric } = gradientPair(62, 15);
    const sparse = numeric.map((n, k) => (k === 0 ? n : 0));
    const analytic = sparse.map((n) => 2.37 * n);
    expect(diagnose(caseOf({ name: 'W2', shape: [3, 5], numeric: sparse, analytic }))).toBeUndefined();
  });

  it('does not fire on a correct gradient, a noisy one, or random errors', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const { label, spec } of unpatterned(seed, [3, 5])) {
        expect(diagnoseFewEntries(evidenceOf(spec)), `${label}, seed ${seed}`).toBeUndefined();
      }
    }
  });
});
