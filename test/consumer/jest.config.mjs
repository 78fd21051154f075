/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.jest.test.ts'],
  // tfjs-core's gradient registrations exist only as ES modules (dist/register_all_gradients.js): compile them too.
  transform: { '^.+\\.ts$': ['@swc/jest'], '/@tensorflow/tfjs-core/dist/.+\\.js$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!@tensorflow/tfjs-core/dist/)'],
  setupFilesAfterEnv: ['gradcheck/jest'],
};
