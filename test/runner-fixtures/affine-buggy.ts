import { layerCases } from '../../examples/layers/cases.js';

/** The affine layer's planted bug (dw averaged over the batch), asserted correct: fails on purpose, so a test can read what the runner prints. */
export function assertAffineBuggyBackward(expect: (value: unknown) => any): void {
  const affine = layerCases.find((c) => c.name === 'affine');
  if (!affine) throw new Error('examples/layers/cases.ts has no affine case');
  expect(affine.bugs[0]?.backward).toHaveCorrectJacobian(affine.forward, affine.inputs());
}
