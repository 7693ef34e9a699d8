// A small seeded pseudo-random generator (mulberry32) for test and benchmark data: the same seed
// gives the same sequence, so a failing run's plan or a benchmark's data can be rebuilt.

export type Random = () => number;

/** Numbers in [0, 1) from a 32-bit seed. */
export function rng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, chosen by `random`. */
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
