import base from '../../jest.config.mjs';

/** Runs only the deliberately failing fixtures, so tests can read the runner's real output. */
export default {
  ...base,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/runner-fixtures/**/*.jest.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
};
