import { describe, expect, it } from 'vitest';
import { divergingColour, scaleStops, UNCHECKED_COLOUR } from '../../src/html/colour-scale.js';

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('diverging colour scale', () => {
  it('is blue below 0, near-white at 0, red above, clamped past the limit', () => {
    expect(divergingColour(0, 2)).toBe('#f7f7f7');
    expect(divergingColour(2, 2)).toBe('#b2182b');
    expect(divergingColour(-2, 2)).toBe('#2166ac');
    expect(divergingColour(50, 2)).toBe('#b2182b');
    expect(divergingColour(-50, 2)).toBe('#2166ac');
  });

  it('darkens steadily with |value| on both sides, so a 3× larger entry reads darker', () => {
    for (const sign of [1, -1]) {
      const shades = Array.from({ length: 21 }, (_, i) => luminance(divergingColour((sign * i) / 20, 1)));
      for (let i = 1; i < shades.length; i++) expect(shades[i]).toBeLessThan(shades[i - 1]!);
    }
  });

  it('greys out entries not checked, and draws everything white when the limit is 0', () => {
    expect(divergingColour(null, 1)).toBe(UNCHECKED_COLOUR);
    expect(divergingColour(Number.NaN, 1)).toBe(UNCHECKED_COLOUR);
    expect(divergingColour(0, 0)).toBe('#f7f7f7');
  });

  it('gives the legend its stops from blue to red', () => {
    expect(scaleStops()).toEqual(['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b']);
  });
});
