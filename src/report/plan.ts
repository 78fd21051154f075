import type { CheckMode } from '../types.js';

/** What a check will do, and the numbers that decided it; `planReason` puts them in words. */
export interface CheckPlan {
  readonly mode: 'full' | 'fast';
  /** The mode asked for: `'auto'` when the plan was chosen from the budgets. */
  readonly requested: CheckMode;
  /** Forwards a full check costs: 2P + 3. */
  readonly forwards: number;
  /** The forward budget that ruled out a full check, when one did. */
  readonly budget?: number;
  /** Seconds one forward took (the median of the timed ones), when the time budget was consulted. */
  readonly perForward?: number;
  /** A full check's expected duration in seconds, rounded to one significant digit, when it was timed. */
  readonly fullSeconds?: number;
  /** The time budget compared with, in seconds. */
  readonly timeBudget: number;
}

/** What the plan is chosen from. */
export interface PlanRequest {
  readonly mode: CheckMode;
  /** Entries of all parameters (P): a full check costs 2P + 3 forwards. */
  readonly entries: number;
  /** Seconds `'auto'` may spend on a full check. */
  readonly timeBudget: number;
  /** Forwards `'auto'` may spend on a full check, when the user capped them. */
  readonly budget: number | undefined;
  /** Seconds a forward at the unperturbed point took (the second J, computed anyway to see that forward is deterministic). */
  readonly firstForward: number;
}

/** Forwards timed in all when the first alone does not settle the plan: their median is the estimate. */
const TIMED_FORWARDS = 3;

/**
 * Full or fast. An explicit mode is kept. `'auto'` is full when 2P + 3 forwards fit the forward
 * budget (if any) and are expected to fit the time budget. The estimate is reproducible: the first
 * forward (usually the slowest: cold caches, no JIT yet) settles a model that fits even at its
 * pace; otherwise the median of TIMED_FORWARDS (`timeForward` times one more) is used, and the
 * estimate is rounded to one significant digit before it is compared, so the same model on the
 * same machine gets the same plan.
 */
export function choosePlan(request: PlanRequest, timeForward: () => number): CheckPlan {
  const { mode, entries, timeBudget, budget, firstForward } = request;
  const forwards = 2 * entries + 3;
  if (mode !== 'auto') return { mode, requested: mode, forwards, timeBudget };
  if (budget !== undefined && forwards > budget) return { mode: 'fast', requested: mode, forwards, budget, timeBudget };
  const atFirstPace = roundCoarsely(forwards * firstForward);
  const perForward =
    atFirstPace <= timeBudget ? firstForward : median([firstForward, ...Array.from({ length: TIMED_FORWARDS - 1 }, timeForward)]);
  const fullSeconds = roundCoarsely(forwards * perForward);
  return { mode: fullSeconds <= timeBudget ? 'full' : 'fast', requested: mode, forwards, perForward, fullSeconds, timeBudget };
}

/** Why the plan is what it is: what was asked, or what a full check costs next to the budgets. Built only when printed. */
export function planReason(plan: CheckPlan): string {
  const { requested, forwards, budget, perForward, fullSeconds, timeBudget } = plan;
  if (requested !== 'auto') return `{ mode: '${requested}' } was asked for`;
  if (budget !== undefined) return `a full check needs ${forwards} forward calls, past { budget: ${budget} }`;
  const cost = `${forwards} forward calls at ~${formatDuration(perForward as number)}`;
  return plan.mode === 'full'
    ? `a full check takes ~${formatDuration(fullSeconds as number)} (${cost}), within the ${formatDuration(timeBudget)} time budget`
    : `a full check would take ~${formatDuration(fullSeconds as number)} (${cost}), past the ${formatDuration(timeBudget)} time budget`;
}

/** Seconds to one significant digit (19.6 → 20, 0.00043 → 0.0004): timing noise below that does not change a plan. */
export function roundCoarsely(seconds: number): number {
  if (!(seconds > 0)) return 0;
  const unit = 10 ** Math.floor(Math.log10(seconds));
  return Number((Math.round(seconds / unit) * unit).toPrecision(1));
}

/** `20 s`, `400 ms`, `3 µs`, `2 min`, `5 h`: a duration already rounded, in the unit that reads best. */
export function formatDuration(seconds: number): string {
  const units: readonly [number, string][] = [[3600, 'h'], [60, 'min'], [1, 's'], [1e-3, 'ms'], [1e-6, 'µs'], [1e-9, 'ns']];
  const [size, name] = units.find(([size]) => seconds >= size) ?? [1e-9, 'ns'];
  return `${Number((seconds / size).toPrecision(1))} ${name}`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}
