/**
 * Unusable input to a gradient check: a parameter, gradient or cost that cannot be checked.
 * A wrong gradient is never a `GradcheckError`; it is a failing report.
 */
export class GradcheckError extends Error {
  override readonly name = 'GradcheckError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
