import { writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', jest: 'src/jest.ts', expect: 'src/expect.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'node20',
  clean: true,
  exports: true,
  hooks: {
    // Vitest's types are ESM-only: `declare module 'vitest'` in a .d.cts augments its CommonJS stub, which
    // re-exports and so merges nothing. A tsconfig `types: ["gradcheck/vitest"]` under NodeNext resolves the
    // .d.cts, so that file points TypeScript at the ESM declaration, whose augmentation does merge.
    'build:done': () => writeFile('dist/vitest.d.cts', '/// <reference path="./vitest.d.mts" />\nexport {};\n'),
  },
});
