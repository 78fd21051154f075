import { checkTfGradients } from '../tfjs/check-tf-gradients.js';
import type { TfCheckOptions, TfFunction, TfInputs } from '../tfjs/tf-types.js';
import type { MatcherContextLike } from './matcher-context.js';
import { reportResult } from './report-result.js';

/**
 * `expect(f).toHaveCorrectTfGradients(inputs, options?)`: runs `checkTfGradients` and prints its
 * report as `toHaveCorrectGradients` does; unusable input is a matcher error.
 */
export function toHaveCorrectTfGradients(this: MatcherContextLike, f: unknown, inputs: unknown, options?: unknown) {
  const { utils, isNot, promise } = this;
  const hint = utils.matcherHint('toHaveCorrectTfGradients', 'f', 'inputs', { isNot, promise });
  const check = () => checkTfGradients(f as TfFunction<TfInputs>, inputs as TfInputs, options as TfCheckOptions);
  return reportResult(this, hint, check, toHaveCorrectTfGradients);
}
