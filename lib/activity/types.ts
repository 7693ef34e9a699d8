// An inoculation activity as the app uses it (content/<locale>/courses/<course>/activities/<id>.yml,
// validated in lib/content/activities.ts). Plain data: safe to pass to a client component.

/** How well a piece uses the activity's technique: the learner builds with it, then learns to spot it. */
export const PIECE_USES = ["well", "weak", "none"] as const;
export type PieceUse = (typeof PIECE_USES)[number];

export interface ActivityPiece {
  id: string;
  /** A fixed fragment of an invented, weakened post: the learner picks it, never types it. */
  text: string;
  use: PieceUse;
  feedback: string;
}

export interface ActivityStep {
  id: string;
  prompt: string;
  /** Exactly three: one of each use (lib/content/activities.ts). */
  pieces: ActivityPiece[];
}

export interface SpotPost {
  id: string;
  text: string;
  /** Whether the post uses the technique; the round mixes both, so it scores discernment. */
  uses: boolean;
  feedback: string;
}

export interface Activity {
  id: string;
  title: string;
  summary: string;
  technique: string;
  /** The invented, harmless setting the post is about. */
  frame: string;
  steps: ActivityStep[];
  /** What the technique is and how to spot it, shown with the assembled post. */
  explanation: string;
  spot: { prompt: string; posts: SpotPost[] };
}
