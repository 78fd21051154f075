import { toHaveCorrectTfGradients } from './matcher/to-have-correct-tf-gradients.js';
import type { TfGradientMatchers } from './tfjs/tf-types.js';

export type { GradientReport } from './report/report.js';
export { checkTfGradients } from './tfjs/check-tf-gradients.js';
export type {
  Float64Input,
  LayerVariableLike,
  ReferenceFunction,
  ReferenceOutput,
  TensorsOf,
  TfCheckOptions,
  TfFunction,
  TfGradientMatchers,
  TfInput,
  TfInputs,
} from './tfjs/tf-types.js';

/** The TensorFlow.js matcher, for `expect.extend(tfMatchers)` in Vitest, Jest or the standalone `expect`. */
export const tfMatchers = { toHaveCorrectTfGradients };

declare module 'vitest' {
  // Type parameters must match Vitest 4's own declaration exactly.
  interface Matchers<T = any> extends TfGradientMatchers<void> {}
}

declare module 'expect' {
  // Type parameters must match expect@30's own declarations exactly.
  interface Matchers<R extends void | Promise<void>, T = unknown> extends TfGradientMatchers<R> {}
}

declare global {
  // For users whose Jest globals are typed by @types/jest.
  namespace jest {
    interface Matchers<R, T = {}> extends TfGradientMatchers<R> {}
  }
}
