// NodeNext, ESM ("type": "module"), Vitest; the types come from tsconfig `types: ["gradcheck/vitest"]`.
import { expect, test } from 'vitest';
import { backward, buggyBackward, forward, setup } from '../model.js';

const { params, x, y } = setup();

test('the correct backprop passes', () => {
  expect(backward(params, x, y)).toHaveCorrectGradients(forward, params, x, y);
});

test('the buggy backprop fails, naming its wrong entries (scripts/test-package.sh expects this failure)', () => {
  expect(buggyBackward(params, x, y)).toHaveCorrectGradients(forward, params, x, y);
});
