/** Jest runs the matcher's own Jest tests and the examples written for Jest, against the source. */
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.jest.test.ts', '<rootDir>/examples/**/*.jest.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/consumer/', '<rootDir>/test/runner-fixtures/'],
  // tfjs-core's gradient registrations exist only as ES modules (dist/register_all_gradients.js): compile them too.
  transform: { '^.+\\.ts$': ['@swc/jest'], '/@tensorflow/tfjs-core/dist/.+\\.js$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!@tensorflow/tfjs-core/dist/)'],
  moduleNameMapper: {
    '^gradcheck/jest$': '<rootDir>/src/jest.ts',
    '^gradcheck/tfjs$': '<rootDir>/src/tfjs.ts',
    '^gradcheck$': '<rootDir>/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFilesAfterEnv: ['<rootDir>/src/jest.ts'],
};
