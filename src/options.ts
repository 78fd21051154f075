import { DEFAULT_TOLERANCE } from './comparison/tolerance.js';
import { GradcheckError } from './gradcheck-error.js';
import { describeValue } from './parameters/numeric-view.js';
import type { ResolvedOptions } from './report/report.js';
import type { CheckMode, CheckOptions } from './types.js';

/**
 * 2 s: a default check that is full fits well inside Vitest's and Jest's 5 s test timeout, with
 * room for the test's own setup on a slow CI machine; past that, fast mode plus a sample answers
 * in 2T + 2·sample·T forwards.
 */
export const DEFAULT_TIME_BUDGET = 2;

/** A fixed default, so a check gives the same report on every run and machine; `seed` changes it. */
export const DEFAULT_SEED = 1;

const MODES: readonly CheckMode[] = ['full', 'fast', 'auto'];
const KNOWN: readonly (keyof CheckOptions)[] = ['epsilon', 'tolerance', 'mode', 'seed', 'sample', 'budget', 'timeBudget', 'reportDir'];

/** The environment variable naming a directory for JSON reports, when `options.reportDir` does not. */
export const REPORT_DIR_VARIABLE = 'GRADCHECK_REPORT_DIR';

/**
 * The options with defaults filled in, or a `GradcheckError` naming the option that is unusable.
 * `extra` names the options a check kind reads itself (a layer check's `dout` and `jacobian`).
 */
export function resolveOptions(options: unknown, extra: readonly string[] = []): ResolvedOptions {
  const given = (options ?? {}) as Record<string, unknown>;
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new GradcheckError(`options is ${describeValue(options)}; expected an object such as { epsilon: 1e-7 }.`);
  }
  const known = extra.length === 0 ? KNOWN : [...KNOWN, ...extra];
  const unknown = Object.keys(given).filter((key) => !known.includes(key as keyof CheckOptions));
  if (unknown.length > 0) {
    throw new GradcheckError(`Unknown option ${unknown.map((k) => `"${k}"`).join(', ')}; the options are ${known.join(', ')}.`);
  }
  if (given.mode !== undefined && !MODES.includes(given.mode as CheckMode)) {
    throw new GradcheckError(`options.mode is ${describeValue(given.mode)}; expected 'full', 'fast' or 'auto'.`);
  }
  if (given.reportDir !== undefined && (typeof given.reportDir !== 'string' || given.reportDir === '')) {
    throw new GradcheckError(`options.reportDir is ${describeValue(given.reportDir)}; expected the path of a directory.`);
  }
  if (given.seed !== undefined && !Number.isSafeInteger(given.seed)) {
    throw new GradcheckError(`options.seed is ${describeValue(given.seed)}; expected a whole number.`);
  }
  return {
    epsilon: given.epsilon === undefined ? undefined : positive('epsilon', given.epsilon),
    tolerance: given.tolerance === undefined ? DEFAULT_TOLERANCE : positive('tolerance', given.tolerance),
    mode: (given.mode as CheckMode | undefined) ?? 'auto',
    seed: (given.seed as number | undefined) ?? DEFAULT_SEED,
    sample: given.sample === undefined ? undefined : positive('sample', given.sample),
    budget: given.budget === undefined ? undefined : positive('budget', given.budget),
    timeBudget: given.timeBudget === undefined ? DEFAULT_TIME_BUDGET : positive('timeBudget', given.timeBudget),
    reportDir: (given.reportDir as string | undefined) ?? (process.env[REPORT_DIR_VARIABLE] || undefined),
  };
}

function positive(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  throw new GradcheckError(`options.${name} is ${describeValue(value)}; expected a finite number above 0.`);
}
