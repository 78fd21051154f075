import { everyIndex } from '../layout/entry-index.js';

/**
 * `count` entries of a tensor to check one by one: the largest-magnitude analytic gradients always
 * (half the sample: where a wrong factor shows most), the rest drawn at random without repeats.
 * Returned in ascending order.
 */
export function stratifiedSample(analytic: Float64Array, count: number, random: () => number): number[] {
  const size = analytic.length;
  if (count >= size) return everyIndex(size);
  const order = everyIndex(size).sort((p, q) => Math.abs(analytic[q] as number) - Math.abs(analytic[p] as number));
  const largest = Math.ceil(count / 2);
  const rest = order.slice(largest);
  // A partial Fisher–Yates shuffle of the rest: the first (count − largest) are a uniform draw.
  for (let i = 0; i < count - largest; i++) {
    const j = i + Math.floor(random() * (rest.length - i));
    [rest[i], rest[j]] = [rest[j] as number, rest[i] as number];
  }
  return [...order.slice(0, largest), ...rest.slice(0, count - largest)].sort((p, q) => p - q);
}

/** How many entries `sample` asks for in a tensor of `size`: a count, or a fraction when below 1 (at least one). */
export function sampleSize(sample: number, size: number): number {
  return Math.min(size, sample < 1 ? Math.max(1, Math.round(sample * size)) : Math.round(sample));
}
