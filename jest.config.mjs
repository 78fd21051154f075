/** Jest runs the matcher's own Jest tests and the examples written for Jest, against the source. */
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.jest.test.ts', '<rootDir>/examples/**/*.jest.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/consumer/', '<rootDir>/test/runner-fixtures/'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: {
    '^gradcheck/jest$': '<rootDir>/src/jest.ts',
    '^gradcheck$': '<rootDir>/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFilesAfterEnv: ['<rootDir>/src/jest.ts'],
};
