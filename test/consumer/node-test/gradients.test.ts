// node:test with the standalone `expect` package, NodeNext ESM; `gradcheck/expect` registers the matcher and its types.
import { test } from 'node:test';
import { expect } from 'expect';
import 'gradcheck/expect';
import { layerBackward, layerForward, layerInputs } from '../layer.js';
import { backward, buggyBackward, forward, setup } from '../model.js';

const { params, x, y } = setup();

test('the correct backprop passes', () => {
  expect(backward(params, x, y)).toHaveCorrectGradients(forward, params, x, y);
});

test('the asymmetric form passes inside toEqual', () => {
  expect({ grads: backward(params, x, y) }).toEqual({ grads: expect.toHaveCorrectGradients(forward, params, x, y) });
});

test("a layer's backward passes toHaveCorrectJacobian, registered by the same entry", () => {
  expect(layerBackward).toHaveCorrectJacobian(layerForward, layerInputs());
});

test('the buggy backprop fails, naming its wrong entries (scripts/test-package.sh expects this failure)', () => {
  expect(buggyBackward(params, x, y)).toHaveCorrectGradients(forward, params, x, y);
});
