/** What both runners' test APIs offer; the same spec then runs under Vitest and under Jest. */
export interface RunnerApi {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => void) => void;
  expect: any;
}

/** The message a failing assertion throws, as a person reads it with colours off. */
export { failureMessage as messageOf } from '../../examples/layers/cases.js';
