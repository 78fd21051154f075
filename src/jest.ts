import { expect } from '@jest/globals';
import { matchers } from './matcher/matchers.js';
import type { GradientMatchers, JacobianMatchers } from './types.js';

expect.extend(matchers);

declare module 'expect' {
  // Type parameters must match expect@30's own declarations exactly.
  interface Matchers<R extends void | Promise<void>, T = unknown> extends GradientMatchers<R>, JacobianMatchers<R> {}
  interface AsymmetricMatchers extends GradientMatchers<void>, JacobianMatchers<void> {}
}

declare global {
  // For users whose Jest globals are typed by @types/jest.
  namespace jest {
    interface Matchers<R, T = {}> extends GradientMatchers<R>, JacobianMatchers<R> {}
    interface Expect extends GradientMatchers<void>, JacobianMatchers<void> {}
  }
}
