// The matrix's vocabulary: the six callers, whose data an answer may show, what a cell expects,
// and shorthands for the common rows. Plain TypeScript (no Playwright), like the rest of the data.

export const CALLERS = ["anonymous", "learner", "otherLearner", "facilitator", "otherFacilitator", "admin"] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * Whose data an answer may show. Each person's markers are their name, email (or login name) and,
 * for the learner, their quiz attempt id; the cohort's are its name and join code.
 */
export const SUBJECTS = ["learner", "nickname", "otherLearner", "facilitator", "otherFacilitator", "admin", "cohort"] as const;
export type Subject = (typeof SUBJECTS)[number];

/** Body checks that markers cannot express, as pure functions of the parsed JSON answer. */
export const PROBES = {
  /** GET /api/progress: the caller has answered at least one question (only the learner has). */
  hasAnswers: (body: unknown) => ((body as { mastery?: { questions: number }[] }).mastery ?? []).some((m) => m.questions > 0),
  /** GET /api/attitudes: the caller may share views (is in an open group of the course). */
  eligible: (body: unknown) => (body as { eligible?: boolean }).eligible === true,
  /** GET /api/auth/session: the answer names a signed-in user. */
  signedIn: (body: unknown) => Boolean((body as { user?: { id?: string } } | null)?.user?.id),
} satisfies Record<string, (body: unknown) => boolean>;
export type Probe = keyof typeof PROBES;

export interface Cell {
  /** The expected HTTP status; for pages, "sign-in" is a redirect to the sign-in page. */
  status: number | "sign-in";
  /**
   * Subjects whose markers must appear. Every other subject's markers must NOT appear, except the
   * caller's own (which are ignored unless `self`).
   */
  shows?: Subject[];
  /** The caller's own name must appear. */
  self?: boolean;
  /** A PROBES check on the JSON body and its expected result. */
  probe?: [Probe, boolean];
  /**
   * Runs in a world built for this cell alone: the call is allowed to change it (delete, archive,
   * write the learner's record). Every other API cell must leave the shared world as it found it.
   */
  fresh?: boolean;
}

export type Cells = Record<Caller, Cell>;

/** The ids a world holds, for building paths and bodies. */
export interface WorldIds {
  locale: string;
  courseId: string;
  cohortId: string;
  joinCode: string;
  /** A second open cohort of the same facilitator, for join cells (so joining changes nothing tried elsewhere). */
  spareCode: string;
  facilitatorId: string;
  learnerId: string;
  learnerEmail: string;
  learnerPassword: string;
  nicknameId: string;
  /** The learner's unfinished quiz attempt, with one answer in it. */
  attemptId: string;
  answerId: string;
  /** A question of that attempt's quiz not yet answered, with a valid choice. */
  nextAnswer: { lessonId: string; questionId: string; chosen: string[] };
  /** A lesson the learner has completed (and the cohort has assigned). */
  doneLessonId: string;
  /** A lesson nobody in the world has completed. */
  otherLessonId: string;
  attitudeItemId: string;
  /** The pre-assessment's first question with its right choice (graded for anyone, never stored). */
  preQuestion: { questionId: string; chosen: string[]; form: "a" | "b" };
  /** The facilitator's pending invitation to the other facilitator to co-facilitate the cohort. */
  invitationId: string;
  /** A live session of the cohort, in its lobby, that the learner has joined; and its code. */
  liveSessionId: string;
  liveCode: string;
  /** An ad hoc live session of the facilitator's that has ended (its event stream sends one view and closes). */
  endedLiveSessionId: string;
  unique: string;
}

export type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

export interface RouteEntry {
  /** The route file, relative to the repository root. */
  file: string;
  method: Method;
  /** The path tried, with {placeholders} from WorldIds; may carry a query. */
  path: string;
  /** What the call attempts, in words (shown in the test title). */
  what: string;
  /** JSON body (the route reads JSON). */
  body?: (w: WorldIds) => unknown;
  /** Form body with next-auth's CSRF token added (the credentials sign-in). */
  form?: (w: WorldIds) => Record<string, string>;
  /** The admin's cell in a fresh world gets its own admin too (the call changes the caller: sessions, memberships). */
  freshAdmin?: boolean;
  cells: Cells;
}

export interface PageEntry {
  /** The page file, relative to the repository root. */
  file: string;
  /**
   * "static": every path the build prerenders for this page (all locales and params);
   * "none": a dynamic page whose only param is the locale; "world": one whose params are the
   * world's ids. Both are tried in every locale.
   */
  params: "none" | "static" | "world";
  /** For "none" and "world" pages: the path with {locale} and WorldIds placeholders. */
  path?: string;
  cells: Cells;
}

/** A server action ("use server"): none exist. Listing one here needs a runner in the spec. */
export interface ActionEntry {
  file: string;
  name: string;
  cells: Cells;
}

// Shorthands for the common cells.
export const s = (status: number, extra: Omit<Cell, "status"> = {}): Cell => ({ status, ...extra });
export const SIGN_IN: Cell = { status: "sign-in" };
export const all = (cell: Cell): Cells => ({ anonymous: cell, learner: cell, otherLearner: cell, facilitator: cell, otherFacilitator: cell, admin: cell });
/** Signed-in callers get `cell`, anonymous callers 401. */
export const signedIn = (cell: Cell, learner: Cell = cell): Cells => ({ ...all(cell), anonymous: s(401), learner });

/** A cohort report or read: its facilitators and admins (read-only) only; everyone else "not found". */
export const cohortRead = (shows: Subject[] = []): Cells => ({
  anonymous: s(401),
  learner: s(404),
  otherLearner: s(404),
  facilitator: s(200, { shows }),
  otherFacilitator: s(404),
  admin: s(200, { shows }),
});
/** A cohort change: its facilitators only (admins read but do not manage). */
export const cohortManage = (shows: Subject[] = []): Cells => ({
  anonymous: s(401),
  learner: s(404),
  otherLearner: s(404),
  facilitator: s(200, { fresh: true, shows }),
  otherFacilitator: s(404),
  admin: s(404),
});
/** The cohort's owner only (the facilitator): co-facilitators, admins and everyone else "not found". */
export const cohortOwner = (cell: Cell): Cells => ({ anonymous: s(401), learner: s(404), otherLearner: s(404), facilitator: cell, otherFacilitator: s(404), admin: s(404) });
/** The invited account only (the other facilitator): the invitation is nobody else's to answer. */
export const invitedOnly = (cell: Cell): Cells => ({ ...all(s(404)), anonymous: s(401), otherFacilitator: cell });
/** A live session's room screens and controls: the facilitator running it only; everyone else "not found" (anonymous too). */
export const liveController = (cell: Cell = s(200)): Cells => ({ ...all(s(404)), facilitator: cell });
/** A live session's phone: the learner who joined it only; everyone else "not found". */
export const liveParticipant = (cell: Cell = s(200)): Cells => ({ ...all(s(404)), learner: cell });

/** A write to the caller's own record: the learner's write changes the learner's record (fresh world), the others write only their own. */
export const ownRecord = (): Cells => signedIn(s(200), s(200, { fresh: true }));
/** A call naming the learner's own record by id: only the learner reaches it. */
export const learnersRecord = (): Cells => ({ ...all(s(404)), anonymous: s(401), learner: s(200, { fresh: true }) });

