import { expect } from 'vitest';
import { GradcheckError } from '../../src/index.js';

/** The GradcheckError a call throws (fails the test when it throws anything else, or nothing). */
export function errorOf(call: () => unknown): GradcheckError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(GradcheckError);
    return error as GradcheckError;
  }
  throw new Error('expected a GradcheckError');
}
