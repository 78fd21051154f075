/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // NodeNext imports name the .js a .ts file compiles to; Jest runs the .ts itself.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFilesAfterEnv: ['gradcheck/jest'],
};
