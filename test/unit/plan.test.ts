import { describe, expect, it } from 'vitest';
import { checkGradients, formatReport } from '../../src/index.js';
import { choosePlan, formatDuration, planReason, roundCoarsely } from '../../src/report/plan.js';

/** A choosePlan request for P entries whose forwards take `seconds` each, timed by a counting stub. */
function plan(entries: number, seconds: number, extra: Partial<Parameters<typeof choosePlan>[0]> = {}) {
  let timed = 0;
  const result = choosePlan({ mode: 'auto', entries, timeBudget: 2, budget: undefined, firstForward: seconds, ...extra }, () => {
    timed++;
    return seconds;
  });
  return { mode: result.mode, fullSeconds: result.fullSeconds, reason: planReason(result), timed };
}

describe("the plan of 'auto'", () => {
  it('goes fast when 2P + 3 forwards would outlast the time budget, saying how long a full check would take', () => {
    // The model: P = 2452, a 4 ms forward: 4907 forwards, ~20 s.
    expect(plan(2452, 4e-3)).toEqual({
      mode: 'fast',
      reason: 'a full check would take ~20 s (4907 forward calls at ~4 ms), past the 2 s time budget',
      fullSeconds: 20,
      timed: 2,
    });
  });

  it('goes full past 5000 forwards when they are cheap (12,000 entries at 50 µs: ~1 s)', () => {
    expect(plan(12_000, 50e-6)).toMatchObject({ mode: 'full', fullSeconds: 1, timed: 0 });
    expect(plan(12_000, 50e-6).reason).toBe('a full check takes ~1 s (24003 forward calls at ~50 µs), within the 2 s time budget');
  });

  it('uses the median of three forwards when the first alone does not fit, so one slow call does not decide', () => {
    const times = [100e-6, 120e-6];
    const result = choosePlan({ mode: 'auto', entries: 5000, timeBudget: 2, budget: undefined, firstForward: 5e-3 }, () => times.shift()!);
    expect(result).toMatchObject({ mode: 'full', fullSeconds: 1 });
    expect(times).toEqual([]);
  });

  it('honours a time budget and a forward budget the user gives', () => {
    expect(plan(2452, 4e-3, { timeBudget: 30 }).mode).toBe('full');
    expect(plan(47, 2e-6, { budget: 50 })).toEqual({
      mode: 'fast',
      fullSeconds: undefined,
      reason: 'a full check needs 97 forward calls, past { budget: 50 }',
      timed: 0,
    });
  });

  it('keeps an explicit mode without timing anything', () => {
    expect(plan(100_000, 1, { mode: 'full' })).toEqual({ mode: 'full', fullSeconds: undefined, reason: "{ mode: 'full' } was asked for", timed: 0 });
    expect(plan(10, 1e-6, { mode: 'fast' }).mode).toBe('fast');
  });

  it('rounds estimates to one significant digit, and prints them in a readable unit', () => {
    expect([19.6, 1.2, 2.6, 4.3e-4, 0].map(roundCoarsely)).toEqual([20, 1, 3, 4e-4, 0]);
    expect([7200, 90, 20, 0.4, 4e-3, 5e-5, 3e-9].map(formatDuration)).toEqual(['2 h', '2 min', '20 s', '400 ms', '4 ms', '50 µs', '3 ns']);
  });
});

/** Waits, busily, for `ms` milliseconds: a forward whose cost is known from below. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('the plan in a real check', () => {
  // J = ½‖w‖², dJ/dw = w.
  const sumOfSquares = (p: { w: Float64Array }) => p.w.reduce((s, v) => s + 0.5 * v * v, 0);
  const model = (n: number) => {
    const w = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    return { params: { w }, gradients: { dw: Float64Array.from(w) } };
  };

  it('a slow forward gets a fast check, and the report says why and how to ask for a full one', () => {
    const { params, gradients } = model(2452);
    const slow = (p: { w: Float64Array }) => {
      busy(4);
      return sumOfSquares(p);
    };
    const report = checkGradients(gradients, slow, params);
    expect(report).toMatchObject({ pass: true, mode: 'fast', plan: { mode: 'fast' } });
    expect(report.plan!.fullSeconds).toBeGreaterThanOrEqual(20);
    const text = formatReport(report);
    expect(text).toMatch(/^Plan: fast, because a full check would take ~\d+ (s|min) \(4907 forward calls at ~\d+ ms\), past the 2 s time budget\.$/m);
    expect(text).toContain("{ mode: 'full' } checks every entry");
  });

  it('a cheap forward gets a full check past 5000 forwards', () => {
    const { params, gradients } = model(3000);
    const report = checkGradients(gradients, sumOfSquares, params);
    expect(report).toMatchObject({ pass: true, mode: 'full', checkedEntries: 3000, plan: { mode: 'full' } });
    expect(report.evaluations).toBeGreaterThanOrEqual(6002);
  });
});
