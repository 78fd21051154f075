import { everyIndex } from '../layout/entry-index.js';

/** 16 entries: a failing block whose halves both pass is judged entry by entry up to this size, split below it otherwise. */
const CANCELLED_BLOCK = 16;

/**
 * Entries of a tensor to judge one by one after its directional check failed, found by bisection:
 * a block that fails its own directional check is split in two, down to single entries. One wrong
 * entry among P is found in about 2·log₂P directional checks. `blockPasses` judges a block;
 * `canSpend` says whether the budget allows another. When neither half of a failing block fails
 * (the errors of its halves cancelled), a small block's entries are all returned, a large one is split anyway.
 */
export function drillDown(
  size: number,
  blockPasses: (indices: readonly number[]) => boolean,
  canSpend: () => boolean,
): number[] {
  const suspects: number[] = [];
  const failing: number[][] = [everyIndex(size)];
  while (failing.length > 0 && canSpend()) {
    const block = failing.shift() as number[];
    if (block.length === 1) {
      suspects.push(block[0] as number);
      continue;
    }
    const middle = block.length >> 1;
    const halves = [block.slice(0, middle), block.slice(middle)].filter((half) => !blockPasses(half));
    if (halves.length > 0) failing.push(...halves);
    else if (block.length <= CANCELLED_BLOCK) suspects.push(...block);
    else failing.push(block.slice(0, middle), block.slice(middle));
  }
  return suspects;
}
