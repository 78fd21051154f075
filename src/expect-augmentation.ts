import type { GradcheckMatchers } from './types.js';

// The `expect` package's matcher types, which Jest's `@jest/globals` and the standalone `expect` share.
declare module 'expect' {
  // Type parameters must match expect@30's own declarations exactly.
  interface Matchers<R extends void | Promise<void>, T = unknown> extends GradcheckMatchers<R> {}
  interface AsymmetricMatchers extends GradcheckMatchers<void> {}
}

/** The matcher types the `expect` package's `Matchers` gain; entries re-export it so their declarations load this file. */
export type ExpectGradientMatchers<R extends void | Promise<void>> = GradcheckMatchers<R>;
