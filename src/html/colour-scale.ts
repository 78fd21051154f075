/**
 * ColorBrewer's RdBu, 5 stops, blue for negative, near-white for 0, red for positive: a diverging
 * scale that keeps its order for colour-blind readers and in greyscale.
 */
const STOPS: readonly (readonly [number, number, number])[] = [
  [0x21, 0x66, 0xac],
  [0x92, 0xc5, 0xde],
  [0xf7, 0xf7, 0xf7],
  [0xf4, 0xa5, 0x82],
  [0xb2, 0x18, 0x2b],
];

/** The fill of an entry that was not checked (fast or sampled checks). */
export const UNCHECKED_COLOUR = '#d4d4d4';

/** `value` on the diverging scale from −limit (blue) through 0 (white) to +limit (red); grey when it is missing. */
export function divergingColour(value: number | null, limit: number): string {
  if (value === null || Number.isNaN(value)) return UNCHECKED_COLOUR;
  const t = limit > 0 ? Math.max(-1, Math.min(1, value / limit)) : 0;
  const position = ((t + 1) / 2) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(position));
  const f = position - i;
  const [a, b] = [STOPS[i], STOPS[i + 1]] as [readonly number[], readonly number[]];
  return `#${a.map((c, channel) => Math.round(c + f * ((b[channel] as number) - c)).toString(16).padStart(2, '0')).join('')}`;
}

/** The scale's stops as CSS colours, for a legend's gradient. */
export function scaleStops(): string[] {
  return STOPS.map((_, i) => divergingColour(-1 + (2 * i) / (STOPS.length - 1), 1));
}
