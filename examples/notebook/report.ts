/**
 * The notebook's gradient check, run with gradcheck: the 1-D check, the corrected backprop
 * passing, and the report a user reads for the notebook's buggy backprop.
 *
 *   npm run example
 */
import { checkGradients, formatReport } from 'gradcheck';
import {
  backward1d,
  backwardPropagationN,
  buggyBackwardPropagationN,
  forward1d,
  forwardPropagationN,
  gradientCheckNTestCase,
} from './network.js';

const { x, y, parameters } = gradientCheckNTestCase();
const [, cache] = forwardPropagationN(parameters, x, y);

const oneD = checkGradients(backward1d(2), forward1d, 4, 2, undefined, { epsilon: 1e-7 });
console.log(`1-D check (θ = 4, x = 2, epsilon 1e-7): ${oneD.pass ? 'pass' : 'FAIL'}, difference = ${oneD.difference}`);

const correct = checkGradients(backwardPropagationN(x, y, cache), forwardPropagationN, parameters, x, y);
console.log(`[4,5,3,1] network, corrected backprop: ${correct.pass ? 'pass' : 'FAIL'}, ${correct.evaluations} forward calls`);
console.log(formatReport(correct));

const buggy = checkGradients(buggyBackwardPropagationN(x, y, cache), forwardPropagationN, parameters, x, y);
console.log(`\n[4,5,3,1] network, the notebook's buggy backprop: ${buggy.pass ? 'pass' : 'FAIL'}`);
console.log(formatReport(buggy));
