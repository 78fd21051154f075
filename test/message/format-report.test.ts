import { describe, expect, it } from 'vitest';
import { type EntryReport, formatReport, type GradientReport, type ParameterReport } from '../../src/index.js';
import { forwardPropagationN } from '../../examples/notebook/network.js';
import { checkGradients } from '../../src/index.js';
import fixture from '../fixtures/seed-test-case.json' with { type: 'json' };
import { notebookCase } from '../models/notebook-case.js';

/** A parameter report built by hand: entries (analytic, numeric), the failing ones listed worst first. */
function parameter(name: string, shape: number[], pairs: [number, number][], extra: Partial<ParameterReport> = {}): ParameterReport {
  const entries = pairs.map(([analytic, numeric], k): EntryReport => {
    const index = shape.length === 2 ? [Math.floor(k / shape[1]!), k % shape[1]!] : [k];
    const absError = Math.abs(analytic - numeric);
    const pass = absError <= 1e-6; // the fixture's gradapprox carries ~3.5e-7 of rounding (ε = 1e-7)
    return {
      index,
      label: `${name}[${index.join(',')}]`,
      analytic,
      numeric,
      absError,
      relError: absError === 0 ? 0 : absError / (Math.abs(analytic) + Math.abs(numeric)),
      allowed: 1e-6,
      pass,
      refined: !pass,
      kink: false,
      left: numeric,
      right: numeric,
    };
  });
  const failing = entries.filter((e) => !e.pass);
  return {
    name,
    shape,
    size: pairs.length,
    checked: pairs.length,
    pass: failing.length === 0,
    failing: failing.length,
    unverifiable: 0,
    kinks: 0,
    difference: Math.hypot(...entries.map((e) => e.absError)) / (Math.hypot(...pairs.map((p) => p[0])) + Math.hypot(...pairs.map((p) => p[1]))),
    maxAbsError: Math.max(...entries.map((e) => e.absError)),
    worst: [...failing.sort((a, b) => b.absError - a.absError), ...entries.filter((e) => e.pass)],
    analytic: Float64Array.from(pairs, (p) => p[0]),
    numeric: Float64Array.from(pairs, (p) => p[1]),
    estimate: Float64Array.from(pairs, (p) => p[1]),
    allowed: new Float64Array(pairs.length).fill(1e-6),
    failed: Uint8Array.from(entries, (e) => (e.pass ? 0 : 1)),
    atKink: new Uint8Array(pairs.length),
    ...extra,
  };
}

function report(parameters: ParameterReport[], extra: Partial<GradientReport> = {}): GradientReport {
  return {
    pass: parameters.every((p) => p.pass),
    difference: 0.31347533689187895,
    parameters,
    entries: parameters.reduce((n, p) => n + p.size, 0),
    checkedEntries: parameters.reduce((n, p) => n + p.size, 0),
    mode: 'full',
    failingEntries: parameters.reduce((n, p) => n + p.failing, 0),
    unverifiableEntries: 0,
    kinks: 0,
    evaluations: 95,
    cost: 2.407833389834357,
    costNoise: undefined,
    options: { epsilon: undefined, tolerance: 1e-6, mode: 'auto', seed: 1, sample: undefined, budget: undefined, timeBudget: 2, reportDir: undefined },
    ...extra,
  };
}

/** The notebook's buggy backprop, from the fixture's own numbers. */
function notebookBuggy(): GradientReport {
  const { buggy_backprop: buggy, gradapprox } = fixture.expected.gradient_check_n;
  const offsets: Record<string, number[]> = fixture.flatten.offsets;
  const shapes: Record<string, number[]> = { W1: [5, 4], b1: [5, 1], W2: [3, 5], b2: [3, 1], W3: [1, 3], b3: [1, 1] };
  const diagnoses: Record<string, ParameterReport['diagnosis']> = {
    W2: { pattern: 'scale', estimate: 3, summary: '3× too large: analytic = 3 × numeric on every entry. Likely a missing 1/m (m = 3 examples).' },
    b1: { pattern: 'scale', estimate: 2, summary: '2× too large: analytic = 2 × numeric on every entry. Likely a factor 2 too many.' },
  };
  return report(
    Object.entries(shapes).map(([name, shape]) => {
      const [from = 0, to = 0] = offsets[name]!;
      const pairs = buggy.grad_vector.slice(from, to).map((a, i): [number, number] => [a, gradapprox[from + i]!]);
      return parameter(name, shape, pairs, diagnoses[name] ? { diagnosis: diagnoses[name] } : {});
    }),
  );
}

describe('formatReport', () => {
  it('the notebook’s buggy backprop: table, W2 and b1 entries, their diagnoses', () => {
    expect(formatReport(notebookBuggy())).toMatchSnapshot();
  });

  it('on agreement, says so with the largest error seen', () => {
    const text = formatReport(report([parameter('W', [1, 2], [[1, 1 + 1e-9], [2, 2]])], { difference: 3e-10 }));
    expect(text).toBe(
      [
        'All 2 entries of 1 parameter agree with central differences (largest |analytic − numeric| 1.0e-9, in W).',
        '',
        'Global difference 3.0e-10 (the notebook\'s formula over all 2 entries; the per-entry verdicts decide): below 1e-7, the notebook\'s "good".',
      ].join('\n'),
    );
  });

  it('bounds what it lists: a few entries per parameter, a few parameters', () => {
    const many = (name: string) => parameter(name, [41], Array.from({ length: 41 }, (_, k): [number, number] => [k + 2, k + 1]));
    const text = formatReport(report(['A', 'B', 'C', 'D', 'E', 'F'].map(many)));
    expect(text.match(/^\+ A\[/gm)).toHaveLength(4);
    expect(text).toContain('  … and 37 more failing entries');
    expect(text).toContain('… and 2 more failing parameters');
    expect(text).not.toContain('+ E[');
  });

  it('says how many entries sat at kinks, and when the cost itself is too noisy to see small errors', () => {
    const text = formatReport(report([parameter('W', [1], [[1, 1]])], { kinks: 3, costNoise: 1e-9, cost: 2 }));
    expect(text).toContain('3 entries sat at kinks (ReLU at 0, max near a tie, |·| at 0…) and were judged at smaller steps past them, or by their one-sided slopes.');
    expect(text).toContain('The cost itself is noisy: σ ≈ 1.0e-9 (2.3e+6 ulps of J = 2)');
  });

  it('colours numeric as expected and analytic as received', () => {
    const colors = { expected: (s: string) => `<e>${s}</e>`, received: (s: string) => `<r>${s}</r>`, dim: (s: string) => s, bold: (s: string) => s };
    const text = formatReport(report([parameter('W', [1, 1], [[2, 1]])]), colors);
    expect(text).toContain('<e>- W[0,0]  numeric   1</e>');
    expect(text).toContain('<r>+ W[0,0]  analytic  2</r>');
  });

  it('names what makes a cost noisy: float32 arithmetic past 1e-8 relative, digits lost in float64 below', () => {
    const float32 = formatReport(report([parameter('W', [1], [[1, 1]])], { costNoise: 1e-7, cost: 2 }));
    expect(float32).toContain('as when it is computed in float32 somewhere (Float32Array, a float32 library)');
    const float64 = formatReport(report([parameter('W', [1], [[1, 1]])], { costNoise: 1e-12, cost: 2 }));
    expect(float64).toContain('as when log(1 − a) is taken with a a hair below 1');
  });

  it('never reads the global difference against the verdict: no "probably wrong" on a pass, no "good" on a failure', () => {
    const passing = formatReport(report([parameter('W', [1], [[1, 1]])], { difference: 0.3 }));
    expect(passing).toContain("Global difference 3.0e-1 (the notebook's formula over all 1 entries; the per-entry verdicts decide).");
    expect(passing).not.toContain('probably wrong');
    const failing = formatReport(report([parameter('W', [1], [[2, 1]])], { difference: 1e-9 }));
    expect(failing).toMatch(/Global difference 1\.0e-9 \(.*; the per-entry verdicts decide\)\.$/m);
    expect(failing).not.toContain('good');
  });

  it('says which entries could not be verified, why, and what to do', () => {
    const W = parameter('W', [2], [[1, 1], [0.24, -0.5]], { unverifiable: 1 });
    const unverified = { ...W, worst: W.worst.map((e) => (e.pass ? e : { ...e, kink: true, unverifiable: 'kink' as const })) };
    const text = formatReport(report([unverified], { unverifiableEntries: 1 }));
    expect(text).toContain('1 of them could not be verified: no step gave an estimate good enough to judge by (see below).');
    expect(text).toContain('unverifiable: a kink or branch cut closer than any usable step');
    expect(text).toMatch(/^1 entry could not be verified: .* Keep the parameters in a Float64Array .* check at another point .* a larger \{ tolerance \}\.$/m);
  });
});

describe('formatReport of a fast check', () => {
  const { x, y, parameters, correct, buggy } = notebookCase();

  it('a pass says what was done: one random direction per parameter through every entry, no made-up zeros', () => {
    const text = formatReport(checkGradients(correct, forwardPropagationN, parameters, x, y, { mode: 'fast' }));
    expect(text.split('\n')[0]).toBe('6 parameters agree with central differences: 6 random directions through all 47 entries.');
    expect(text).not.toContain('Global difference');
    expect(text).toContain("Fast check (seed 1): one random direction through each of 6 parameters, then 0 of 47 entries one by one;");
  });

  it('a failure shows each tensor as checked along its direction, with a dash where nothing was measured', () => {
    const text = formatReport(checkGradients(buggy, forwardPropagationN, parameters, x, y, { mode: 'fast' }));
    expect(text).toMatch(/^ {2}W1 +5×4 +- +- +direction ✓ \(20 entries\) +✓$/m);
    expect(text).toMatch(/^ {2}W2 +3×5 .* \d+\/\d+ sampled of 15, direction ✗ \(15 entries\) +✗$/m);
    expect(text).toMatch(/Global difference .* \(the notebook's formula over the \d+ entries checked one by one; the per-entry verdicts decide\)/);
  });
});
