import { stripVTControlCharacters } from 'node:util';

/** What both runners' test APIs offer; the same spec then runs under Vitest and under Jest. */
export interface RunnerApi {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => void) => void;
  expect: any;
}

/** The message a failing assertion throws, as a person reads it with colours off. */
export function messageOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail');
}
