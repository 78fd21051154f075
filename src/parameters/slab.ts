/**
 * Fresh typed arrays for a check's many small arrays, carved out of shared slabs. A typed array
 * over 64 bytes gets storage of its own outside V8's heap, which costs ~0.5 µs to make (10× a view
 * on existing storage) and more to collect, and a check of a small model makes dozens. Each array
 * is zeroed and never handed out twice; a slab lives as long as any array carved from it.
 */

/** 32 KiB slabs; an array over an eighth of one gets storage of its own, whose cost is small beside filling it. */
const SLAB_BYTES = 32 * 1024;
const LARGEST_CARVED = SLAB_BYTES / 8;

let slab = new ArrayBuffer(0);
let used = 0;

/** The offset of `bytes` fresh bytes in `slab` (a new one when the current is full), aligned for float64; −1 when too large to carve. */
function carve(bytes: number): number {
  if (bytes > LARGEST_CARVED) return -1;
  const offset = (used + 7) & ~7;
  if (offset + bytes <= slab.byteLength) {
    used = offset + bytes;
    return offset;
  }
  slab = new ArrayBuffer(SLAB_BYTES);
  used = bytes;
  return 0;
}

/** A new zeroed Float64Array of `length` entries. */
export function newFloat64Array(length: number): Float64Array {
  const offset = carve(length * 8);
  return offset < 0 ? new Float64Array(length) : new Float64Array(slab, offset, length);
}

/** A new zeroed Uint8Array of `length` entries. */
export function newUint8Array(length: number): Uint8Array {
  const offset = carve(length);
  return offset < 0 ? new Uint8Array(length) : new Uint8Array(slab, offset, length);
}
