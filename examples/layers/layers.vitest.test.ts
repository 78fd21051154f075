// Each example layer's backward checked with Vitest (vitest.config.ts registers the matcher with
// `setupFiles: ['gradcheck/vitest']`): the correct one passes, every planted bug fails and is named.
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { layerCases } from './cases.js';

describe.each(layerCases)('$name (Vitest)', ({ forward, inputs, backward, bugs }) => {
  it('backward is right', () => {
    expect(backward).toHaveCorrectJacobian(forward, inputs());
  });

  it.each(bugs)('catches the planted bug: $name', (bug) => {
    expect(bug.backward).not.toHaveCorrectJacobian(forward, inputs());
    expect(() => expect(bug.backward).toHaveCorrectJacobian(forward, inputs())).toThrow(
      expect.objectContaining({ message: expect.stringMatching(bug.shows) }),
    );
  });
});

it('a layer’s message, as printed', () => {
  const [affine] = layerCases;
  const [bug] = affine!.bugs;
  let message = '';
  try {
    expect(bug!.backward).toHaveCorrectJacobian(affine!.forward, affine!.inputs());
  } catch (error) {
    message = stripVTControlCharacters((error as Error).message);
  }
  expect(message).toContain('expect(backward).toHaveCorrectJacobian(forward, inputs)');
  expect(message).toMatch(/- dw\[\d,\d\] +numeric/);
});
