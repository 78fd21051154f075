import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', jest: 'src/jest.ts', tfjs: 'src/tfjs.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'node',
    target: 'node20',
    clean: true,
    // The JSON Schema of the reports ships too, importable as `gradcheck/report-v1.schema.json`.
    exports: { customExports: { './report-v1.schema.json': './schema/report-v1.schema.json' } },
    // rolldown's CJS interop helpers go to a chunk of their own: left in tfjs.cjs, index.cjs would require it (and tfjs-core).
    outputOptions: { codeSplitting: { groups: [{ name: 'runtime', test: /rolldown[\\/]runtime/ }] } },
  },
  // The `gradcheck` command (`npx gradcheck report DIR`): ESM only, no types, not an export.
  { entry: { cli: 'src/cli.ts' }, format: 'esm', dts: false, platform: 'node', target: 'node20', clean: false },
]);
