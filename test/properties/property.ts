/**
 * Property tests on plain fast-check inside Vitest's `test`. (`@fast-check/vitest` gives the same
 * `test.prop`, but importing it costs ~1.5 s a file here, more than all of this folder's properties run.)
 *
 * Runs: `base` under `npm test`; with GRADCHECK_SOAK set, 20× (or GRADCHECK_SOAK× when it is a number > 1).
 * A failure prints fast-check's seed and path; GRADCHECK_SEED=<seed> GRADCHECK_PATH=<path> replays it.
 */
import fc from 'fast-check';
import { test } from 'vitest';

export { fc };

export function runs(base: number): number {
  const soak = process.env.GRADCHECK_SOAK;
  if (!soak) return base;
  const factor = Number(soak);
  return Math.round(base * (Number.isFinite(factor) && factor > 1 ? factor : 20));
}

const replay = (): fc.Parameters<unknown> => {
  const seed = process.env.GRADCHECK_SEED;
  const path = process.env.GRADCHECK_PATH;
  return seed === undefined ? {} : { seed: Number(seed), ...(path !== undefined && { path }) };
};

/**
 * `test(name)` that checks `predicate` on `numRuns` values of `arbitraries` (scaled by `runs`), and
 * shrinks a failure to a small counterexample. The predicate fails by throwing (e.g. `expect`) or
 * returning false; `fc.pre` skips a value. `seed` pins the values `npm test` sees, for a suite whose
 * known limits a random draw can hit now and then (the soak still draws at random).
 */
export function property<Ts extends [unknown, ...unknown[]]>(
  name: string,
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (...values: Ts) => boolean | void,
  { numRuns, timeout = 60_000, seed }: { numRuns: number; timeout?: number; seed?: number },
): void {
  const pinned = seed !== undefined && !process.env.GRADCHECK_SOAK ? { seed } : {};
  test(
    name,
    () => {
      fc.assert(fc.property(...arbitraries, predicate), { numRuns: runs(numRuns), ...pinned, ...replay() } as fc.Parameters<Ts>);
    },
    process.env.GRADCHECK_SOAK ? 0 : timeout,
  );
}
