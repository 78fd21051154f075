type Paint = (text: string) => string;

/**
 * The part of `this` that Vitest and Jest both give a matcher, typed structurally so the
 * matcher imports neither runner.
 */
export interface MatcherContextLike {
  readonly isNot?: boolean;
  readonly promise?: string;
  /** The running test's name and file (both runners give them): a JSON report is named after them. */
  readonly currentTestName?: string | undefined;
  readonly testPath?: string | undefined;
  readonly utils: {
    matcherHint(name: string, received?: string, expected?: string, options?: { isNot?: boolean; promise?: string }): string;
    readonly EXPECTED_COLOR: Paint;
    readonly RECEIVED_COLOR: Paint;
    readonly DIM_COLOR: Paint;
    readonly BOLD_WEIGHT: Paint;
  };
}
