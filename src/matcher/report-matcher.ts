import { GradcheckError } from '../gradcheck-error.js';
import { formatReport } from '../message/format-report.js';
import type { GradientReport } from '../report/report.js';
import type { MatcherContextLike } from './matcher-context.js';

/**
 * A matcher's result from a check: its report printed in the runner's colours under `hint`.
 * Unusable input (a `GradcheckError`) is a matcher error, so neither the matcher nor its `.not`
 * can pass on it; `caller` is the matcher, cut from the error's stack.
 */
export function reportMatcher(context: MatcherContextLike, hint: string, check: () => GradientReport, caller: Function) {
  const { utils } = context;
  let report;
  try {
    report = check();
  } catch (error) {
    if (!(error instanceof GradcheckError)) throw error;
    // Keep the user's own error (a throwing forward) as the cause; the GradcheckError itself is the message.
    const matcherError = new Error(
      `${hint}\n\n${utils.BOLD_WEIGHT('Matcher error')}: ${error.message}`,
      error.cause === undefined ? undefined : { cause: error.cause },
    );
    Error.captureStackTrace?.(matcherError, caller);
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
