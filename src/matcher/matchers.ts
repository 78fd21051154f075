import { toHaveCorrectGradients } from './to-have-correct-gradients.js';
import { toHaveCorrectJacobian } from './to-have-correct-jacobian.js';

/** Every matcher of this package, for `expect.extend(matchers)`. */
export const matchers = { toHaveCorrectGradients, toHaveCorrectJacobian };
