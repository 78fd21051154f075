// Each example layer's backward checked with Vitest (vitest.config.ts registers the matcher with
// `setupFiles: ['gradcheck/vitest']`): the correct one passes, every planted bug fails and is named.
import { describe, expect, it } from 'vitest';
import { failureMessage, layerCases } from './cases.js';

describe.each(layerCases)('$name (Vitest)', ({ forward, inputs, backward, bugs }) => {
  it('backward is right', () => {
    expect(backward).toHaveCorrectJacobian(forward, inputs());
  });

  it.each(bugs)('catches the planted bug: $name', (bug) => {
    expect(bug.backward).not.toHaveCorrectJacobian(forward, inputs());
    const message = failureMessage(() => expect(bug.backward).toHaveCorrectJacobian(forward, inputs()));
    expect(message).toContain('expect(backward).toHaveCorrectJacobian(forward, inputs)');
    expect(message).toMatch(bug.shows);
  });
});
