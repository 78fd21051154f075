import { describe, expect, it } from 'vitest';
import { fixtureRunners } from './run-fixtures.js';

const runners = fixtureRunners('affine-buggy');

describe.each(Object.entries(runners))('what %s prints for a layer’s buggy backward', (_, runner) => {
  const { status, output } = runner();

  it('fails the test under the layer matcher’s hint, with no colour codes', () => {
    expect(status).not.toBe(0);
    expect(output).toContain('expect(backward).toHaveCorrectJacobian(forward, inputs)');
    expect(output).not.toMatch(/\u001b\[/);
  });

  it('says how much disagrees, in a table of every input gradient', () => {
    expect(output).toContain('1 input gradient of 3 disagree with central differences of ⟨dout, out⟩: 15 of 38 entries.');
    expect(output).toMatch(/gradient +shape +rel\. difference +max \|error\| +failing/);
    expect(output).toMatch(/dx +4×5 .* 0\/20 +✓/);
    expect(output).toMatch(/dw +5×3 +6\.0e-1 .* 15\/15 +✗/);
    expect(output).toMatch(/db +1×3 .* 0\/3 +✓/);
  });

  it('names the wrong entries as dw[i,j], numeric and analytic, with the diagnosis and the dout used', () => {
    expect(output).toMatch(/dw \(5×3\): 15 of 15 entries disagree\n +diagnosis: 0\.25 of what it should be: [^\n]*extra 1\/m \(m = 4 examples\)/);
    expect(output).toMatch(/- dw\[\d,\d\] +numeric +-?\d/);
    expect(output).toMatch(/\+ dw\[\d,\d\] +analytic +-?\d[^\n]*rel\. error 6\.0e-1/);
    expect(output).toContain("dout: seeded random (seed 1), magnitudes 0.5 to 1.5; { dout } fixes it, { jacobian: 'full' } checks every output entry.");
  });
});
