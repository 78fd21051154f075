import { describe, expect, it } from 'vitest';
import { diagnoseAxis } from '../../../src/diagnosis/axis.js';
import { diagnose } from '../../../src/diagnosis/diagnose.js';
import { caseOf, evidenceOf, gradientPair, normals, unpatterned } from './gradient-case.js';

/** A 3×5 gradient whose error is one constant per row (`rows`) or per column (`columns`). */
function offAlong(axis: 'rows' | 'columns', seed = 41) {
  const { random, exact, numeric } = gradientPair(seed, 15);
  const offsets = normals(random, axis === 'rows' ? 3 : 5);
  const group = (k: number) => (axis === 'rows' ? Math.floor(k / 5) : k % 5);
  return { name: 'W2', shape: [3, 5], numeric, analytic: exact.map((g, k) => g + offsets[group(k)]!), batchSize: 3 };
}

describe("diagnosis 'axis'", () => {
  it('names an error constant across each row (a bias gradient broadcast into dW)', () => {
    const diagnosis = diagnose(caseOf(offAlong('rows')));
    expect(diagnosis?.pattern).toBe('axis');
    expect(diagnosis?.axis).toBe('rows');
    expect(diagnosis?.estimate).toBeUndefined();
    expect(diagnosis?.summary).toBe(
      'the error is the same across each row (one constant per row): summed or broadcast over the wrong axis',
    );
  });

  it('names an error constant down each column', () => {
    const diagnosis = diagnose(caseOf(offAlong('columns')));
    expect(diagnosis?.axis).toBe('columns');
    expect(diagnosis?.summary).toMatch(/^the error is the same down each column \(one constant per column\): summed or broadcast over the wrong axis$/);
  });

  it('says so when one constant fits every entry, as in a 5×1 bias', () => {
    const { exact, numeric } = gradientPair(42, 5);
    const diagnosis = diagnose(caseOf({ name: 'b1', shape: [5, 1], numeric, analytic: exact.map((g) => g + 0.31) }));
    expect(diagnosis?.pattern).toBe('axis');
    expect(diagnosis?.axis).toBe('columns');
    expect(diagnosis?.summary).toMatch(/^the error is the same on every entry \(analytic − numeric ≈ 0\.31\): /);
  });

  it('does not fire when one row breaks the pattern', () => {
    const spec = offAlong('rows');
    const analytic = spec.analytic.slice();
    analytic[6] = analytic[6]! + 0.2;
    expect(diagnoseAxis(evidenceOf({ ...spec, analytic }))).toBeUndefined();
  });

  it('does not fire on a scale of the gradient', () => {
    const { numeric } = gradientPair(43, 15);
    expect(diagnoseAxis(evidenceOf({ name: 'W', shape: [3, 5], numeric, analytic: numeric.map((n) => 3 * n) }))).toBeUndefined();
  });

  it('does not fire on a correct gradient, a noisy one, or random errors', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const { label, spec } of unpatterned(seed, [3, 5])) {
        expect(diagnoseAxis(evidenceOf(spec)), `${label}, seed ${seed}`).toBeUndefined();
      }
    }
  });
});
