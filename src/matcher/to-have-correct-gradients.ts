import { checkGradients } from '../report/check-gradients.js';
import { namedAfter } from '../report/write-report.js';
import type { CheckOptions, Forward, Gradients, Params } from '../types.js';
import type { MatcherContextLike } from './matcher-context.js';
import { reportResult } from './report-result.js';

/**
 * `expect(gradients).toHaveCorrectGradients(forward, params, x, y, options?)`: a thin adapter that
 * runs `checkGradients` and prints its report in the runner's colours. Unusable input is a
 * matcher error, so neither the matcher nor its `.not` can pass on it.
 */
export function toHaveCorrectGradients(
  this: MatcherContextLike,
  received: unknown,
  forward: unknown,
  params: unknown,
  x?: unknown,
  y?: unknown,
  options?: unknown,
) {
  const { isNot, promise } = this;
  const hint = this.utils.matcherHint('toHaveCorrectGradients', 'gradients', 'forward, params, x, y', { isNot, promise });
  const check = () => checkGradients(received as Gradients, forward as Forward, params as Params, x, y, options as CheckOptions);
  return reportResult(this, hint, check, toHaveCorrectGradients);
}
