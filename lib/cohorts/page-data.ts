// What server-rendered pages read from lib/cohorts. Pages may not touch lib/db (the lint rule),
// so this opens the database handle for them, as lib/http/handler.ts does for route handlers.
// Authorisation stays in the functions called here.
import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/lib/db";
import { headersClient } from "@/lib/ratelimit/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { invitationsIfOwner, myInvitations } from "./invitations";
import { describeJoinCode } from "./mutations";
import { cohortAssignments, listAllCohorts, listFacilitators, myCohorts } from "./queries";
import { itemAnalysis, learningGain, rosterGrid } from "./reports";
import { cohortBiasReport, courseBiasReport } from "./bias-report";
import { cohortFor } from "./access";
import { getCourses } from "@/lib/content";

/**
 * The name of the open cohort a join code opens; throws a not_found AppError otherwise, or a
 * throttled one when this browser or address has tried too many codes that open nothing (the
 * join page is a way to test codes, so it counts against the same limits as the join routes).
 */
export async function joinCodeCohort(code: string): Promise<{ name: string }> {
  return describeJoinCode(await getDb(), code, headersClient(await headers()));
}

/** The admin page: every facilitator and every cohort (admins only; others get "forbidden"). */
export async function adminOverview(actor: SessionUser) {
  const db = await getDb();
  const [facilitators, cohorts] = await Promise.all([listFacilitators(db, actor), listAllCohorts(db, actor)]);
  return { facilitators, cohorts };
}

/** The cohorts the actor runs (facilitator's "My groups"). */
export async function facilitatorCohorts(actor: SessionUser) {
  return myCohorts(await getDb(), actor);
}

/** Invitations to co-facilitate sent to the actor's email ("My groups"). */
export async function invitationsForMe(actor: SessionUser) {
  return myInvitations(await getDb(), actor);
}

/** One cohort's grid (also all the join sheet needs). */
export async function cohortRoster(actor: SessionUser, cohortId: string) {
  return rosterGrid(await getDb(), actor, cohortId);
}

/** Everything a cohort's page shows, read in parallel; each read authorises on its own. */
export async function cohortPage(actor: SessionUser, cohortId: string) {
  const db = await getDb();
  const [roster, items, gain, assignments, invitations] = await Promise.all([
    rosterGrid(db, actor, cohortId),
    itemAnalysis(db, actor, cohortId),
    learningGain(db, actor, cohortId),
    cohortAssignments(db, actor, cohortId),
    // Null unless the actor owns the group: only owners invite co-facilitators.
    invitationsIfOwner(db, actor, cohortId),
  ]);
  return { roster, items, gain, assignments, invitations };
}

/** The plan (track) a cohort follows, for the plan panel of its page; authorised like every read. */
export async function cohortPlan(actor: SessionUser, cohortId: string) {
  const c = await cohortFor(await getDb(), actor, cohortId, "read");
  return { id: c.id, locale: c.locale, courseId: c.course_id, trackId: c.track_id };
}

/** A group's bias-check report (its own section of the group's page). */
export async function cohortBias(actor: SessionUser, cohortId: string) {
  return cohortBiasReport(await getDb(), actor, cohortId);
}

/** The admin page: each course's bias-check report over all its learners (admins only). */
export async function adminBiasReports(actor: SessionUser, locale: string) {
  const db = await getDb();
  return Promise.all(getCourses(locale).map(async (c) => ({ courseId: c.id, title: c.title, report: await courseBiasReport(db, actor, locale, c.id) })));
}
