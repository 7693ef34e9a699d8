// What the facilitator pages render first, through lib/cohorts/page-data.ts (which opens the
// database for server components; lib/cohorts authorises every read). Results come back as a
// Read, so a page can turn "not found" and "forbidden" into its 404 and an expired session into
// a sign-in redirect.
import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { serverErrorText } from "@/lib/http/error-text";
import type { MyInvitation, PendingInvitation } from "@/lib/cohorts/invitations";
import { cohortReports, cohortRoomReports, cohortRoster, cohortShell, facilitatorCohorts, invitationsForMe } from "@/lib/cohorts/page-data";
import type { RosterView } from "@/lib/cohorts/reports";
import type { cohortAssignments, myCohorts } from "@/lib/cohorts/queries";

export type CohortSummary = Awaited<ReturnType<typeof myCohorts>>[number];
export type Assignment = Awaited<ReturnType<typeof cohortAssignments>>[number];
export type CohortShell = Awaited<ReturnType<typeof cohortShell>>;
export type { MyInvitation, PendingInvitation };

/** A read's result: the data, or the status and safe message the API would have answered. */
export type Read<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

async function read<T>(load: (actor: NonNullable<Awaited<ReturnType<typeof currentUser>>>) => Promise<T>): Promise<Read<T>> {
  const actor = await currentUser();
  if (!actor) return { ok: false, status: 401, error: serverErrorText(await getLocale(), { key: "auth.signIn" }) };
  try {
    return { ok: true, data: await load(actor) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, status: e.status, error: serverErrorText(await getLocale(), e) };
    throw e;
  }
}

export function readMyCohorts(): Promise<Read<CohortSummary[]>> {
  return read((actor) => facilitatorCohorts(actor));
}

/** Invitations to co-facilitate addressed to the signed-in account. */
export function readMyInvitations(): Promise<Read<MyInvitation[]>> {
  return read((actor) => invitationsForMe(actor));
}

/** Cached per request, so a page's metadata and body share one read. */
export const readRoster = cache((cohortId: string): Promise<Read<RosterView>> => read((actor) => cohortRoster(actor, cohortId)));

/**
 * The top of the cohort page (the group, its counts, assignments, invitations): small reads, so
 * the page's shell and its access check come first and the reports stream in after.
 * Cached per request, so the page's metadata and body share one read.
 */
export const readCohortShell = cache((cohortId: string): Promise<Read<CohortShell>> => read((actor) => cohortShell(actor, cohortId)));

/** The cohort page's live reports; `at` is when they were read, so the first refetch waits its turn. */
export const readCohortReports = cache(async (cohortId: string) => {
  const result = await read((actor) => cohortReports(actor, cohortId));
  return result.ok ? { ok: true as const, data: { ...result.data, at: Date.now() } } : result;
});

/** The room view's reports: no names anywhere in them. */
export const readRoomReports = cache(async (cohortId: string) => {
  const result = await read((actor) => cohortRoomReports(actor, cohortId));
  return result.ok ? { ok: true as const, data: { ...result.data, at: Date.now() } } : result;
});

/**
 * Stops the page unless the read succeeded. Not found and forbidden both become the 404 page, so
 * a guessed id reveals nothing; an expired session goes to sign-in; anything else is an error.
 */
export function unlessReadable<T>(result: Read<T>, signIn: string): asserts result is Extract<Read<T>, { ok: true }> {
  if (result.ok) return;
  if (result.status === 401) redirect(signIn);
  if (result.status === 403 || result.status === 404) notFound();
  throw new Error(`cohort read failed with ${result.status}`);
}
