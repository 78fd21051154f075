import { expect } from '@jest/globals';
import { matchers } from './matcher/matchers.js';
import type { GradientMatchers } from './types.js';
export type { ExpectGradientMatchers } from './expect-augmentation.js';

expect.extend(matchers);

declare global {
  // For users whose Jest globals are typed by @types/jest.
  namespace jest {
    interface Matchers<R, T = {}> extends GradientMatchers<R> {}
    interface Expect extends GradientMatchers<void> {}
  }
}
