import { expect } from 'expect';
import { matchers } from './matcher/matchers.js';
export type { ExpectGradientMatchers } from './expect-augmentation.js';

// The standalone `expect` package (node:test, mocha, or any runner built on it).
expect.extend(matchers);
