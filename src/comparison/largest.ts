/**
 * The `capacity` items with the largest keys among those offered, largest first, kept as they
 * come: no array per entry and no sort of them all. Of equal keys the earlier offered stays ahead.
 */
export class Largest<T> {
  private readonly items: T[] = [];
  private readonly keys: number[] = [];

  constructor(private readonly capacity: number) {}

  /** True when an item with this key would be kept: ask first, so that only kept items are made. */
  admits(key: number): boolean {
    return this.items.length < this.capacity || key > (this.keys[this.capacity - 1] as number);
  }

  /** Keeps `item` in its place by `key`, dropping the smallest when full; call only when `admits(key)`. */
  add(key: number, item: T): void {
    let i = this.items.length === this.capacity ? this.capacity - 1 : this.items.length;
    while (i > 0 && key > (this.keys[i - 1] as number)) {
      this.items[i] = this.items[i - 1] as T;
      this.keys[i] = this.keys[i - 1] as number;
      i--;
    }
    this.items[i] = item;
    this.keys[i] = key;
  }

  /** The first `count` kept, largest first. */
  top(count = this.capacity): T[] {
    return this.items.slice(0, count);
  }
}
