import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // Inside this repository `gradcheck` is the source itself, so tests read as a user's would.
  resolve: {
    alias: [
      { find: /^gradcheck\/vitest$/, replacement: source('vitest.ts') },
      { find: /^gradcheck\/tfjs$/, replacement: source('tfjs.ts') },
      { find: /^gradcheck$/, replacement: source('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    exclude: ['**/*.jest.test.ts', 'test/consumer/**', 'test/runner-fixtures/**', '**/node_modules/**'],
    setupFiles: [source('vitest.ts')],
  },
});
