// Every react-query key of the cohort screens, so a mutation knows what to invalidate.
export type CohortView = "roster" | "items" | "gain" | "assignments" | "invitations" | "attitudes" | "progress";

export const cohortKeys = {
  all: (cohortId: string) => ["cohort", cohortId] as const,
  view: (cohortId: string, view: CohortView) => ["cohort", cohortId, view] as const,
};
