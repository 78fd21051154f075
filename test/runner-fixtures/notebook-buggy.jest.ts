import { expect, it } from '@jest/globals';
import { assertNotebookBuggyBackprop } from './notebook-buggy.js';

it('notebook buggy backprop', () => assertNotebookBuggyBackprop(expect));
