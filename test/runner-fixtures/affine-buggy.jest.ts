import { expect, it } from '@jest/globals';
import { assertAffineBuggyBackward } from './affine-buggy.js';

it('affine layer, buggy backward', () => assertAffineBuggyBackward(expect));
