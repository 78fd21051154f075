import { toHaveCorrectGradients } from './to-have-correct-gradients.js';

/** Every matcher of this package, for `expect.extend(matchers)`. */
export const matchers = { toHaveCorrectGradients };
