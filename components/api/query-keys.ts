// Every react-query key of the app in one place, so a mutation knows what to invalidate and two
// screens reading the same thing share one cache entry.

/** The reports and lists of one group's pages, each one GET under /api/cohorts/<id>/<view>. */
export type CohortView = "roster" | "items" | "gain" | "assignments" | "invitations" | "attitudes" | "progress";

export const queryKeys = {
  /** The learner's record (GET /api/progress). */
  dashboard: (locale: string) => ["progress", "dashboard", locale] as const,
  /** The learner's arms in a course's experiments (components/progress/arms.ts). */
  arms: (locale: string, courseId: string, experiments: string) => ["progress", "arms", locale, courseId, experiments] as const,
  /** The groups the learner belongs to and what is due (GET /api/me/assignments). */
  myGroups: () => ["cohorts", "me", "assignments"] as const,
  /** Whether the learner already answered a course's "Your views" form (GET /api/attitudes). */
  attitudes: (courseId: string, form: string) => ["attitudes", courseId, form] as const,
  /** One screen's view of a live session (GET /api/live/<id>/state?view=), read again after a refused control. */
  liveView: (sessionId: string, view: "facilitator" | "projector" | "participant") => ["live", sessionId, view] as const,
  cohort: (cohortId: string) => ["cohort", cohortId] as const,
  /** A view of a group; a report read in one language (`?locale=`) has that locale last. */
  cohortView: (cohortId: string, view: CohortView, locale?: string) => (locale ? (["cohort", cohortId, view, locale] as const) : (["cohort", cohortId, view] as const)),
};
