/**
 * The tests' random inputs, the same on every run: a linear congruential generator from `seed`, giving
 * numbers in [0, 1).
 */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** One of `xs`, chosen by `random`. */
export const pickWith =
  (random: () => number) =>
  <T>(xs: readonly T[]): T =>
    xs[Math.floor(random() * xs.length)]!;
