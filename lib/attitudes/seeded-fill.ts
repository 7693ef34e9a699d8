// A seeded stand-in for crypto.getRandomValues, for the simulations in the tests only: the same
// seed gives the same runs, so a statistical test cannot pass or fail by luck between runs.
// (mulberry32: small and fast; its quality is ample for simulation, never for the real device.)
import type { FillRandom } from "./randomised-response";

export function seededFill(seed: number): FillRandom {
  let state = seed >>> 0;
  return (into) => {
    for (let i = 0; i < into.length; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      into[i] = (t ^ (t >>> 14)) >>> 0;
    }
    return into;
  };
}
