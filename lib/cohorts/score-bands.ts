// Where a best quiz score falls on the group's reports: the heat map colours and marks it, the
// room view counts learners per band. Pure, so the screens and the data layer share one rule.

/** A best score from this per cent up reads as secure. */
export const HIGH_FROM = 80;
/** A best score below this per cent is the one to follow up: the grid marks it. */
export const LOW_BELOW = 50;

export type ScoreBand = "high" | "mid" | "low";

export function scoreBand(percent: number): ScoreBand {
  return percent >= HIGH_FROM ? "high" : percent >= LOW_BELOW ? "mid" : "low";
}
