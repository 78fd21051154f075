import { checkJacobian } from '../report/check-jacobian.js';
import type { Backward, JacobianOptions, Params } from '../types.js';
import type { MatcherContextLike } from './matcher-context.js';
import { reportResult } from './report-result.js';

/**
 * `expect(backward).toHaveCorrectJacobian(forward, inputs, options?)`: a thin adapter that runs
 * `checkJacobian` and prints its report in the runner's colours; unusable input is a matcher error.
 */
export function toHaveCorrectJacobian(this: MatcherContextLike, received: unknown, forward: unknown, inputs: unknown, options?: unknown) {
  const { isNot, promise } = this;
  const hint = this.utils.matcherHint('toHaveCorrectJacobian', 'backward', 'forward, inputs', { isNot, promise });
  const check = () => checkJacobian(received as Backward, forward as (inputs: Params) => never, inputs as Params, options as JacobianOptions);
  return reportResult(this, hint, check, toHaveCorrectJacobian);
}
