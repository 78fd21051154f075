import { checkGradients } from '../report/check-gradients.js';
import type { CheckOptions, Forward, Gradients, Params } from '../types.js';
import type { MatcherContextLike } from './matcher-context.js';
import { reportMatcher } from './report-matcher.js';

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
  const { utils, isNot, promise } = this;
  const hint = utils.matcherHint('toHaveCorrectGradients', 'gradients', 'forward, params, x, y', { isNot, promise });
  const check = () => checkGradients(received as Gradients, forward as Forward, params as Params, x, y, options as CheckOptions);
  return reportMatcher(this, hint, check, toHaveCorrectGradients);
}
