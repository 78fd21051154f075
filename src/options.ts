import { DEFAULT_TOLERANCE } from './comparison/tolerance.js';
import { GradcheckError } from './gradcheck-error.js';
import { describeValue } from './parameters/numeric-view.js';
import type { ResolvedOptions } from './report/report.js';
import type { CheckOptions } from './types.js';

const KNOWN: readonly (keyof CheckOptions)[] = ['epsilon', 'tolerance'];

/** The options with defaults filled in, or a `GradcheckError` naming the option that is unusable. */
export function resolveOptions(options: unknown): ResolvedOptions {
  if (options === undefined) return { epsilon: undefined, tolerance: DEFAULT_TOLERANCE };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new GradcheckError(`options is ${describeValue(options)}; expected an object such as { epsilon: 1e-7 }.`);
  }
  const given = options as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !(KNOWN as string[]).includes(key));
  if (unknown.length > 0) {
    throw new GradcheckError(`Unknown option ${unknown.map((k) => `"${k}"`).join(', ')}; the options are ${KNOWN.join(', ')}.`);
  }
  return {
    epsilon: given.epsilon === undefined ? undefined : positive('epsilon', given.epsilon),
    tolerance: given.tolerance === undefined ? DEFAULT_TOLERANCE : positive('tolerance', given.tolerance),
  };
}

function positive(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  throw new GradcheckError(`options.${name} is ${describeValue(value)}; expected a finite number above 0.`);
}
