import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/diagnosis/diagnose.js';
import { diagnoseScale } from '../../../src/diagnosis/scale.js';
import { caseOf, evidenceOf, gradientPair, unpatterned } from './gradient-case.js';

/** A 3×5 gradient, as `dW2`, for which analytic = k × numeric. */
function scaled(k: number, batchSize?: number, seed = 11) {
  const { numeric } = gradientPair(seed, 15);
  return { name: 'W2', shape: [3, 5], numeric, analytic: numeric.map((n) => k * n), batchSize };
}

describe("diagnosis 'scale'", () => {
  it('names a missing 1/m when k = m', () => {
    const diagnosis = diagnose(caseOf(scaled(4, 4)));
    expect(diagnosis?.pattern).toBe('scale');
    expect(diagnosis?.estimate).toBeCloseTo(4, 9);
    expect(diagnosis?.summary).toBe(
      '4× too large: analytic = 4 × numeric on every entry. Likely a missing 1/m (m = 4 examples): the sum over the examples is never divided by m.',
    );
  });

  it('takes m from whichever axis of x matches: examples in rows (7×4) as in columns (4×7)', () => {
    for (const batchSizes of [[4, 7], [7, 4]]) {
      const diagnosis = diagnose({ ...caseOf(scaled(7)), batchSizes });
      expect(diagnosis?.summary, `axes ${batchSizes}`).toContain('Likely a missing 1/m (m = 7 examples)');
    }
  });

  it('names an extra 1/m when k = 1/m', () => {
    const diagnosis = diagnose(caseOf(scaled(1 / 3, 3)));
    expect(diagnosis?.estimate).toBeCloseTo(1 / 3, 9);
    expect(diagnosis?.summary).toMatch(/^1\/3 of what it should be: analytic = 1\/3 × numeric on every entry\. Likely an extra 1\/m \(m = 3 examples\)/);
  });

  it('names a factor 2, a half and a flipped sign', () => {
    expect(diagnose(caseOf(scaled(2, 3)))?.summary).toMatch(/^2× too large: analytic = 2 × numeric on every entry\. Likely a factor 2 too many/);
    expect(diagnose(caseOf(scaled(0.5, 3)))?.summary).toMatch(/^0\.5 of what it should be: analytic = 0\.5 × numeric on every entry\. Likely a factor 2 missing/);
    expect(diagnose(caseOf(scaled(-1, 3)))?.summary).toMatch(/^the wrong sign: analytic = −1 × numeric on every entry\. Likely a flipped sign/);
  });

  it('gives both causes when m = 2 makes k = 2 ambiguous', () => {
    const summary = diagnose(caseOf(scaled(2, 2)))?.summary;
    expect(summary).toContain('a missing 1/m (m = 2 examples)');
    expect(summary).toContain('; or a factor 2 too many');
  });

  it('states any other factor, to three digits', () => {
    const diagnosis = diagnose(caseOf(scaled(2.3712, 3)));
    expect(diagnosis?.pattern).toBe('scale');
    expect(diagnosis?.estimate).toBeCloseTo(2.3712, 9);
    expect(diagnosis?.summary).toBe("2.37× too large: analytic = 2.37 × numeric on every entry. Likely a stray constant factor in this parameter's backprop.");
    expect(diagnose(caseOf(scaled(-0.25)))?.summary).toMatch(/^the wrong sign and 0\.25 of what it should be: analytic = −0\.25 × numeric/);
  });

  it('does not call a 0.5% uniform departure a factor', () => {
    expect(diagnoseScale(evidenceOf(scaled(1.005, 3)))).toBeUndefined();
  });

  it('does not fire when the factor holds on most entries but not all', () => {
    const spec = scaled(3, 3);
    const analytic = spec.analytic.slice();
    analytic[7] = spec.numeric[7]!; // one entry right, the others 3× too large
    expect(diagnoseScale(evidenceOf({ ...spec, analytic }))).toBeUndefined();
  });

  it('does not fire on a correct gradient, a noisy one, or random errors', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const { label, spec } of unpatterned(seed, [3, 5])) {
        expect(diagnoseScale(evidenceOf(spec)), `${label}, seed ${seed}`).toBeUndefined();
      }
    }
  });
});
