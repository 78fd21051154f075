import type { CheckMode } from '../types.js';

/** What a check will do, and why, in words the report prints. */
export interface CheckPlan {
  readonly mode: 'full' | 'fast';
  /** Why this mode: what was asked, or what a full check would cost next to the budgets. */
  readonly reason: string;
  /** A full check's expected duration in seconds, rounded to one significant digit, when it was timed. */
  readonly fullSeconds?: number;
}

/** What the plan is chosen from. */
export interface PlanRequest {
  readonly mode: CheckMode;
  /** Entries of all parameters (P): a full check costs 2P + 2 forwards. */
  readonly entries: number;
  /** Seconds `'auto'` may spend on a full check. */
  readonly timeBudget: number;
  /** Forwards `'auto'` may spend on a full check, when the user capped them. */
  readonly budget: number | undefined;
  /** Seconds the first forward took (the unperturbed cost, computed anyway). */
  readonly firstForward: number;
}

/** Forwards timed in all when the first alone does not settle the plan: their median is the estimate. */
const TIMED_FORWARDS = 3;

/**
 * Full or fast. An explicit mode is kept. `'auto'` is full when 2P + 2 forwards fit the forward
 * budget (if any) and are expected to fit the time budget. The estimate is reproducible: the first
 * forward (usually the slowest: cold caches, no JIT yet) settles a model that fits even at its
 * pace; otherwise the median of TIMED_FORWARDS (`timeForward` times one more) is used, and the
 * estimate is rounded to one significant digit before it is compared, so the same model on the
 * same machine gets the same plan.
 */
export function choosePlan(request: PlanRequest, timeForward: () => number): CheckPlan {
  const { mode, entries, timeBudget, budget, firstForward } = request;
  if (mode !== 'auto') return { mode, reason: `{ mode: '${mode}' } was asked for` };
  const forwards = 2 * entries + 2;
  if (budget !== undefined && forwards > budget) {
    return { mode: 'fast', reason: `a full check needs ${forwards} forward calls, past { budget: ${budget} }` };
  }
  const atFirstPace = roundCoarsely(forwards * firstForward);
  const perForward =
    atFirstPace <= timeBudget ? firstForward : median([firstForward, ...Array.from({ length: TIMED_FORWARDS - 1 }, timeForward)]);
  const fullSeconds = roundCoarsely(forwards * perForward);
  const cost = `${forwards} forward calls at ~${formatDuration(perForward)}`;
  return fullSeconds <= timeBudget
    ? { mode: 'full', reason: `a full check takes ~${formatDuration(fullSeconds)} (${cost}), within the ${formatDuration(timeBudget)} time budget`, fullSeconds }
    : { mode: 'fast', reason: `a full check would take ~${formatDuration(fullSeconds)} (${cost}), past the ${formatDuration(timeBudget)} time budget`, fullSeconds };
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
