import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', jest: 'src/jest.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'node',
    target: 'node20',
    clean: true,
    // The JSON Schema of the reports ships too, importable as `gradcheck/report-v1.schema.json`.
    exports: { customExports: { './report-v1.schema.json': './schema/report-v1.schema.json' } },
  },
  // The `gradcheck` command (`npx gradcheck report DIR`): ESM only, no types, not an export.
  { entry: { cli: 'src/cli.ts' }, format: 'esm', dts: false, platform: 'node', target: 'node20', clean: false },
]);
