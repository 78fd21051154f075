import { GradcheckError } from '../gradcheck-error.js';
import { formatReport } from '../message/format-report.js';
import { checkGradients } from '../report/check-gradients.js';
import { namedAfter } from '../report/write-report.js';
import type { CheckOptions, Forward, Gradients, Params } from '../types.js';
import type { MatcherContextLike } from './matcher-context.js';

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
  let report;
  try {
    const test = { name: this.currentTestName, file: this.testPath };
    report = namedAfter(test, () => checkGradients(received as Gradients, forward as Forward, params as Params, x, y, options as CheckOptions));
  } catch (error) {
    if (!(error instanceof GradcheckError)) throw error;
    // Keep the user's own error (a throwing forward) as the cause; the GradcheckError itself is the message.
    const matcherError = new Error(
      `${hint}\n\n${utils.BOLD_WEIGHT('Matcher error')}: ${error.message}`,
      error.cause === undefined ? undefined : { cause: error.cause },
    );
    Error.captureStackTrace?.(matcherError, toHaveCorrectGradients);
    throw matcherError;
  }
  const colors = {
    expected: utils.EXPECTED_COLOR,
    received: utils.RECEIVED_COLOR,
    dim: utils.DIM_COLOR,
    bold: utils.BOLD_WEIGHT,
  };
  const text = formatReport(report, colors);
  return { pass: report.pass, message: () => `${hint}\n\n${text}` };
}
