import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', jest: 'src/jest.ts', tfjs: 'src/tfjs.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'node20',
  clean: true,
  exports: true,
  // rolldown's CJS interop helpers go to a chunk of their own: left in tfjs.cjs, index.cjs would require it (and tfjs-core).
  outputOptions: { codeSplitting: { groups: [{ name: 'runtime', test: /rolldown[\\/]runtime/ }] } },
});
