// Node10 resolution, CommonJS, ts-jest; the types come from tsconfig `types: ["gradcheck/jest"]` (typesVersions).
import { expect, test } from '@jest/globals';
import { backward, buggyBackward, forward, setup } from '../model';

const { params, x, y } = setup();

test('the correct backprop passes', () => {
  expect(backward(params, x, y)).toHaveCorrectGradients(forward, params, x, y);
});

test('the buggy backprop fails, naming its wrong entries (scripts/test-package.sh expects this failure)', () => {
  expect(buggyBackward(params, x, y)).toHaveCorrectGradients(forward, params, x, y);
});
