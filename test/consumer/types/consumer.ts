// Compiled twice: by tsconfig.vitest.json and tsconfig.jest.json. Each maps "runner" to its runner's
// `expect` and opts into gradcheck/vitest or gradcheck/jest in "types": nothing else brings the matcher's types in.
import { checkGradients, checkJacobian, type GradientReport } from 'gradcheck';
import { expect } from 'runner';
import { layerBackward, layerForward, layerInputs } from '../layer';
import { backward, forward, type Params, setup } from '../model';

const { params, x, y } = setup();
const g = backward(params, x, y);

expect(g).toHaveCorrectGradients(forward, params, x, y);
expect(g).toHaveCorrectGradients(forward, params, x, y, { epsilon: 1e-7, tolerance: 1e-6 });
expect(g).not.toHaveCorrectGradients(forward, params, x, y);
expect(backward).toHaveCorrectGradients(forward, params, x, y);
expect(2).toHaveCorrectGradients((theta: number, x: number) => theta * x, 4, 2);
expect({ g }).toEqual({ g: expect.toHaveCorrectGradients(forward, params, x, y) });

const report: GradientReport = checkGradients(g, forward, params, x, y);
const pass: boolean = report.pass;
const names: string[] = report.parameters.map((p) => p.name);
void pass;
void names;

// @ts-expect-error forward must be a function, not a string
expect(g).toHaveCorrectGradients('forward', params, x, y);
// @ts-expect-error tolerance is a number
expect(g).toHaveCorrectGradients(forward, params, x, y, { tolerance: '1e-6' });
// @ts-expect-error there is no option "tol"
expect(g).toHaveCorrectGradients(forward, params, x, y, { tol: 1e-6 });
// @ts-expect-error x must be what forward takes as x
expect(g).toHaveCorrectGradients((p: Params, x: number) => p.W1.get(0, 0) * x, params, x, y);
// @ts-expect-error the asymmetric form is checked too
expect({ g }).toEqual({ g: expect.toHaveCorrectGradients('forward', params, x, y) });

expect(layerBackward).toHaveCorrectJacobian(layerForward, layerInputs());
expect(layerBackward).not.toHaveCorrectJacobian(layerForward, layerInputs(), { jacobian: 'full', seed: 2 });
const layerReport: GradientReport = checkJacobian(layerBackward, layerForward, layerInputs());
void layerReport;
// @ts-expect-error forward must take the inputs as given
expect(layerBackward).toHaveCorrectJacobian((inputs: { z: number }) => inputs.z, layerInputs());
// @ts-expect-error jacobian is 'vector' or 'full'
expect(layerBackward).toHaveCorrectJacobian(layerForward, layerInputs(), { jacobian: 'rows' });

// Readonly arrays are parameters too (only frozen arrays are refused, at run time).
const frozenShape = { w: [0.5, -1] as readonly number[], R: [[1, 2]] as readonly (readonly number[])[] };
expect({ dw: [1, 2], dR: [[1, 2]] }).toHaveCorrectGradients((p: typeof frozenShape) => p.w[0]! + p.R[0]![1]!, frozenShape);

// A field that is not a parameter value is a type error on params, naming the field
// ("Types of property 'activation' are incompatible"), not on forward.
const layer = { W: params.W1, activation: 'tanh' };
// @ts-expect-error activation is a string, not a parameter value
expect({ dW: params.W1 }).toHaveCorrectGradients((p: typeof layer) => p.W.get(0, 0), layer);
