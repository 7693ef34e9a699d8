// Every rate limit the app applies, in one table, so docs/deploy.md ("Rate limits") can list them
// and a change is one line. Numbers are sized for a hall: 200 phones on one Wi-Fi share a public
// address and join one group within ten minutes, so limits per address and per group sit well
// above that; limits per device (one browser) are strict, because one person needs few tries.

export interface Limit {
  /** Requests (or failures) allowed in one window. */
  points: number;
  /** The window, in seconds; the count starts at the first request and resets when it ends. */
  duration: number;
}

export const LIMITS = {
  /** New members joining one group by its code (nickname or account): a hall of 200 stays under. */
  joinPerGroup: { points: 300, duration: 10 * 60 },
  /** Nickname joins from one browser: a person joins once, maybe again on a shared phone. */
  nicknameJoinPerDevice: { points: 5, duration: 60 * 60 },
  /** Nickname joins from one public address: a whole hall behind one address. */
  nicknameJoinPerAddress: { points: 300, duration: 10 * 60 },
  /** Groups one signed-in account joins: a learner is in a few groups, not dozens an hour. */
  joinPerAccount: { points: 20, duration: 60 * 60 },
  /** Join codes that open no group, from one browser: typos, not guessing. */
  codeMissPerDevice: { points: 10, duration: 10 * 60 },
  /** Join codes that open no group, from one address: a hall where everyone mistypes once. */
  codeMissPerAddress: { points: 200, duration: 10 * 60 },
  /** Accounts made from one browser: a family sharing a computer, not a script. */
  signUpPerDevice: { points: 5, duration: 60 * 60 },
  /** Accounts made from one address: a hall of 200 signing up instead of using nicknames. */
  signUpPerAddress: { points: 300, duration: 10 * 60 },
  /** Live session joins from one browser: a phone rejoins after a drop, not dozens of times. */
  liveJoinPerDevice: { points: 20, duration: 10 * 60 },
  /** Live session joins from one address: a hall of 1,000 behind one public address. */
  liveJoinPerAddress: { points: 1500, duration: 10 * 60 },
  /** Answers of one person in a live session: one per round, resends included, far under this. */
  liveAnswerPerParticipant: { points: 120, duration: 60 },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/** How rate-limiter-flexible stores a counter in rate_limits: "<limit name>:<key>". */
export function storedKey(name: LimitName, key: string): string {
  return `${name}:${key}`;
}

/**
 * Nickname members one group may have at all. Past it, people join with an account (whose
 * sign-up is limited on its own). A hall of 200 fits twice over; a facilitator cannot fill a
 * group with thousands of made-up members.
 */
export const NICKNAME_MEMBERS_MAX = 500;
