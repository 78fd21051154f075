import { describe, expect, it } from 'vitest';
import { newFloat64Array, newUint8Array } from '../../src/parameters/slab.js';

describe('slab', () => {
  it('hands out zeroed arrays that never share an entry, across slab boundaries', () => {
    const arrays = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? newUint8Array(1 + (i % 17)) : newFloat64Array(1 + (i % 29))));
    arrays.forEach((array, i) => {
      expect(Array.from(array).every((v) => v === 0)).toBe(true);
      array.fill((i % 250) + 1); // a Uint8Array holds up to 255
    });
    // Had two arrays overlapped, the later fill would show in the earlier one.
    arrays.forEach((array, i) => expect(Array.from(array).every((v) => v === (i % 250) + 1)).toBe(true));
  });

  it('aligns each Float64Array, even after odd-sized byte arrays', () => {
    newUint8Array(3);
    const array = newFloat64Array(5);
    expect(array.byteOffset % 8).toBe(0);
    expect(array.length).toBe(5);
  });

  it('gives an array too large to carve storage of its own', () => {
    const large = newFloat64Array(10_000);
    expect(large.length).toBe(10_000);
    expect(large.byteOffset).toBe(0);
    expect(large.buffer.byteLength).toBe(80_000);
  });
});
