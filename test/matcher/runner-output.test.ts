import { describe, expect, it } from 'vitest';
import { fixtureRunners } from './run-fixtures.js';

const runners = fixtureRunners('notebook-buggy');

describe.each(Object.entries(runners))('what %s prints for the notebook’s buggy backprop', (_, runner) => {
  const { status, output } = runner();

  it('fails the test, with no colour codes', () => {
    expect(status).not.toBe(0);
    expect(output).toContain('expect(gradients).toHaveCorrectGradients(forward, params, x, y)');
    expect(output).not.toMatch(/\u001b\[/);
  });

  it('says how much disagrees, in a table of every parameter', () => {
    expect(output).toContain('2 parameters of 6 disagree with central differences: 8 of 47 entries.');
    expect(output).toMatch(/parameter +shape +rel\. difference +max \|error\| +failing/);
    expect(output).toMatch(/W2 +3×5 +5\.0e-1 +1\.8e\+0 +4\/15 +✗/);
    expect(output).toMatch(/b1 +5×1 +3\.3e-1 +6\.3e-1 +4\/5 +✗/);
    expect(output).toMatch(/W1 +5×4 .* 0\/20 +✓/);
  });

  it('names the wrong entries as W2[i,j] and b1[i,0], numeric and analytic', () => {
    expect(output).toMatch(/- W2\[2,0\] +numeric +0\.915802/);
    expect(output).toMatch(/\+ W2\[2,0\] +analytic +2\.7474 +rel\. error 5\.0e-1/);
    expect(output).toMatch(/- b1\[0,0\] +numeric +0\.632908/);
    expect(output).toMatch(/\+ b1\[0,0\] +analytic +1\.26582/);
  });

  it('says W2 is 3× too large (a missing 1/m) and b1 2× too large', () => {
    expect(output).toMatch(/W2 \(3×5\): 4 of 15 entries disagree\n +diagnosis: 3× too large: [^\n]*Likely a missing 1\/m \(m = 3 examples\)/);
    expect(output).toMatch(/b1 \(5×1\): 4 of 5 entries disagree\n +diagnosis: 2× too large: [^\n]*Likely a factor 2 too many/);
  });

  it('gives the notebook’s global difference with its reading', () => {
    expect(output).toContain('Global difference 3.1e-1 (the notebook\'s formula over all 47 entries; the per-entry verdicts decide): above 1e-2, the notebook\'s "probably wrong".');
  });
});
