import { writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', jest: 'src/jest.ts', expect: 'src/expect.ts', tfjs: 'src/tfjs.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'node',
    target: 'node20',
    clean: true,
    // The JSON Schema of the reports ships too, importable as `gradcheck/report-v1.schema.json`.
    exports: { customExports: { './report-v1.schema.json': './schema/report-v1.schema.json' } },
    // rolldown's CJS interop helpers go to a chunk of their own: left in tfjs.cjs, index.cjs would require it (and tfjs-core).
    outputOptions: { codeSplitting: { groups: [{ name: 'runtime', test: /rolldown[\\/]runtime/ }] } },
    hooks: {
      // Vitest's types are ESM-only: `declare module 'vitest'` in a .d.cts augments its CommonJS stub, which
      // re-exports and so merges nothing. A tsconfig `types: ["gradcheck/vitest"]` under NodeNext resolves the
      // .d.cts, so that file points TypeScript at the ESM declaration, whose augmentation does merge.
      'build:done': () => writeFile('dist/vitest.d.cts', '/// <reference path="./vitest.d.mts" />\nexport {};\n'),
    },
  },
  // The `gradcheck` command (`npx gradcheck report DIR`): ESM only, no types, not an export.
  { entry: { cli: 'src/cli.ts' }, format: 'esm', dts: false, platform: 'node', target: 'node20', clean: false },
]);
