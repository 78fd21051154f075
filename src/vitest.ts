import { expect } from 'vitest';
import { matchers } from './matcher/matchers.js';
import type { GradcheckMatchers } from './types.js';

expect.extend(matchers);

declare module 'vitest' {
  // Type parameters must match Vitest 4's own declaration exactly.
  interface Matchers<T = any> extends GradcheckMatchers<void> {}
}
