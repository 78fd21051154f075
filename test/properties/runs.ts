/**
 * How many runs a property makes: `base` under `npm test`, `soak` × more when GRADCHECK_SOAK is set
 * (GRADCHECK_SOAK=1 for 20×, or a number for that factor).
 */
export function runs(base: number): number {
  const soak = process.env.GRADCHECK_SOAK;
  if (!soak) return base;
  const factor = Number(soak);
  return base * (Number.isFinite(factor) && factor > 1 ? factor : 20);
}

/** A per-test timeout that grows with the runs, in milliseconds. */
export function timeout(base: number): number {
  return process.env.GRADCHECK_SOAK ? 0 : base;
}
