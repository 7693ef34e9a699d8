// The size of a live session: shared by joining (lib/live/store.ts) and the names a screen reads.

/** The most people in one session (issue #24). */
export const LIVE_CAPACITY = 1000;
