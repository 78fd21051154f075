import { expect, it } from 'vitest';
import { assertNotebookBuggyBackprop } from './notebook-buggy.js';

it('notebook buggy backprop', () => assertNotebookBuggyBackprop(expect));
