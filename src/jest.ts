import { expect } from '@jest/globals';
import { matchers } from './matcher/matchers.js';
import type { GradcheckMatchers } from './types.js';
export type { ExpectGradientMatchers } from './expect-augmentation.js';

expect.extend(matchers);

declare global {
  // For users whose Jest globals are typed by @types/jest.
  namespace jest {
    interface Matchers<R, T = {}> extends GradcheckMatchers<R> {}
    interface Expect extends GradcheckMatchers<void> {}
  }
}
