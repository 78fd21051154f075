// Each example layer's backward checked with Jest (jest.config.mjs registers the matcher with
// `setupFilesAfterEnv: ['gradcheck/jest']`): the correct one passes, every planted bug fails and is named.
import { describe, expect, test } from '@jest/globals';
import { failureMessage, layerCases } from './cases.js';

describe.each(layerCases)('$name (Jest)', ({ forward, inputs, backward, bugs }) => {
  test('backward is right', () => {
    expect(backward).toHaveCorrectJacobian(forward, inputs());
  });

  test.each(bugs)('catches the planted bug: $name', (bug) => {
    expect(bug.backward).not.toHaveCorrectJacobian(forward, inputs());
    expect(failureMessage(() => expect(bug.backward).toHaveCorrectJacobian(forward, inputs()))).toMatch(bug.shows);
  });
});
