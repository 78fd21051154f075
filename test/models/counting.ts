/** `f`, counting its calls in `.calls`: how a test or bench measures what a check costs in forwards and backwards. */
export function counting<A extends unknown[], R>(f: (...args: A) => R) {
  const counted = Object.assign(
    (...args: A) => {
      counted.calls++;
      return f(...args);
    },
    { calls: 0 },
  );
  return counted;
}
