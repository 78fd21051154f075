import { expect, it } from 'vitest';
import { assertAffineBuggyBackward } from './affine-buggy.js';

it('affine layer, buggy backward', () => assertAffineBuggyBackward(expect));
