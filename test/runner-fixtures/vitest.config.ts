import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

/** Runs only the deliberately failing fixtures, so tests can read the runner's real output. */
export default defineConfig({
  ...base,
  root: new URL('../..', import.meta.url).pathname,
  test: { ...base.test, include: ['test/runner-fixtures/**/*.vitest.ts'], exclude: [] },
});
