/** ts-jest with a classic CommonJS tsconfig: it type-checks every test file, so missing matcher types fail with TS2339. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  setupFilesAfterEnv: ['gradcheck/jest'],
};
