// Lists: the cohorts a facilitator runs, the cohorts a learner is in and what is due for them,
// and the CSV export of a cohort's roster and results.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { getTrack } from "@/lib/content";
import { activityUrl, parseProgressActivity, type ProgressActivity } from "@/lib/content/activity-id";
import { planAssignments, planPartsOf } from "@/lib/content/plan";
import { AppError } from "@/lib/errors";
import { FALLBACK_LOCALE, serverTranslator } from "@/lib/http/error-text";
import { cohortFor, requireFacilitator } from "./access";
import { rosterWithChecks } from "./reports";
import { toCsv } from "./csv";
import { activityTitle } from "./learner-group";

export async function myCohorts(handle: Db, actor: SessionUser) {
  await requireFacilitator(handle.db, actor);
  const rows = await handle.db
    .selectFrom("cohorts as c")
    .leftJoin("cohort_facilitators as f", (j) => j.onRef("f.cohort_id", "=", "c.id").on("f.user_id", "=", actor.id))
    .leftJoin("cohort_members as m", "m.cohort_id", "c.id")
    .select((eb) => ["c.id", "c.name", "c.kind", "c.track_id", "c.join_code", "c.created_at", "c.archived_at", "c.owner_id", eb.fn.count<number>("m.user_id").as("members")])
    .where((eb) => eb.or([eb("c.owner_id", "=", actor.id), eb("f.user_id", "=", actor.id)]))
    .groupBy(["c.id", "c.name", "c.kind", "c.track_id", "c.join_code", "c.created_at", "c.archived_at", "c.owner_id"])
    .orderBy("c.created_at", "desc")
    .execute();
  // trackId: the plan each group follows, so a plan's page can list the groups on it.
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, trackId: r.track_id, joinCode: r.join_code, archived: Boolean(r.archived_at), owner: r.owner_id === actor.id, members: Number(r.members) }));
}

/** Past its due day and not done. An assignment with no due date is never overdue. */
export const isOverdue = (dueAt: string | null, done: boolean, now: Date) => !done && dueAt !== null && dueAt < now.toISOString();

/**
 * Due dates first (soonest first), then those with none, each in the plan's order where it has
 * one: the two engines sort NULL at opposite ends, so the order is said here.
 */
export function byDueThenPlan<T extends { dueAt: string | null; order: number }>(a: T, b: T): number {
  if (a.dueAt !== b.dueAt) return a.dueAt === null ? 1 : b.dueAt === null ? -1 : a.dueAt < b.dueAt ? -1 : 1;
  return a.order - b.order;
}

/** The learner's cohorts and their assignments (a due date may be null), with whether each is done and whether it is overdue. */
export async function myAssignments(handle: Db, actor: SessionUser, now = new Date()) {
  const rows = await handle.db
    .selectFrom("cohort_members as m")
    .innerJoin("cohorts as c", "c.id", "m.cohort_id")
    .leftJoin("assignments as a", "a.cohort_id", "c.id")
    .leftJoin("lesson_completions as lc", (j) => j.onRef("lc.user_id", "=", "m.user_id").onRef("lc.course_id", "=", "c.course_id").onRef("lc.lesson_id", "=", "a.activity_id"))
    // Assessments and boosters count as done once an attempt at them is finished.
    .select((eb) => [
      "c.id as cohort_id", "c.name", "c.locale", "c.course_id", "c.track_id", "a.activity_id", "a.due_at", "lc.completed_at",
      eb
        .exists(
          eb.selectFrom("quiz_attempts as qa").select("qa.id").whereRef("qa.user_id", "=", "m.user_id").whereRef("qa.course_id", "=", "c.course_id").whereRef("qa.lesson_id", "=", "a.activity_id").where("qa.finished_at", "is not", null),
        )
        .as("attempted"),
    ])
    .where("m.user_id", "=", actor.id)
    .where("c.archived_at", "is", null)
    .execute();
  type Due = { activityId: string; ref: ProgressActivity; title: string; href: string; dueAt: string | null; done: boolean; overdue: boolean; order: number };
  const cohorts = new Map<string, { id: string; name: string; due: Due[] }>();
  for (const r of rows) {
    const c = cohorts.get(r.cohort_id) ?? { id: r.cohort_id, name: r.name, due: [] };
    cohorts.set(r.cohort_id, c);
    if (!r.activity_id) continue;
    // setAssignment stores only ids that parse; one that does not names nothing to open.
    const ref = parseProgressActivity(r.course_id, r.activity_id);
    if (!ref) continue;
    const track = r.track_id ? getTrack(r.locale, r.track_id) : undefined;
    const order = track ? planAssignments(track).findIndex((a) => a.activityId === r.activity_id) : -1;
    const done = Boolean(r.completed_at) || Boolean(Number(r.attempted));
    c.due.push({
      activityId: r.activity_id, ref, title: activityTitle(r.locale, ref) ?? r.activity_id, href: activityUrl(ref, r.locale),
      dueAt: r.due_at, done, overdue: isOverdue(r.due_at, done, now), order: order < 0 ? Number.MAX_SAFE_INTEGER : order,
    });
  }
  return [...cohorts.values()].map((c) => ({ ...c, due: c.due.sort(byDueThenPlan).map(({ order: _order, ...d }) => d) }));
}

/** A check's time as a spreadsheet reads it: "2026-03-01 14:05" (UTC, said in the header). */
const csvTime = (iso: string | undefined) => (iso ? iso.slice(0, 16).replace("T", " ") : "");

/**
 * The roster and results as CSV (one row per learner): the lessons of the group's plan, then each
 * learner's first starting and final check with when they finished it (what their dashboard shows),
 * the languages they worked in (locale codes of their attempts and lessons done, issue #25),
 * and a name for the file (any script: see lib/http/download.ts). Header and cell words are in
 * `locale` (content/<locale>/messages.json "csv"; English for a locale the server lacks).
 */
export async function cohortCsv(handle: Db, actor: SessionUser, cohortId: string, locale: string = FALLBACK_LOCALE): Promise<{ name: string; csv: string }> {
  const { roster: grid, checks, locales } = await rosterWithChecks(handle, actor, cohortId);
  const t = serverTranslator(locale, "csv");
  const header = [
    t("learner"), t("nicknameOnly"), t("lessonsDone"), ...grid.lessons.map((l) => t("lessonBest", { number: l.number, title: l.title })),
    t("preScore"), t("preFinished"), t("postScore"), t("postFinished"), t("languages"),
  ];
  const [yes, no, done] = [t("yes"), t("no"), t("done")];
  const rows = grid.learners.map((l) => {
    const own = checks.get(l.id);
    return [
      l.name, l.nicknameOnly ? yes : no, l.done, ...grid.lessons.map((x) => l.cells[x.id]?.bestPercent ?? (l.cells[x.id]?.done ? done : "")),
      own?.pre?.percent, csvTime(own?.pre?.at), own?.post?.percent, csvTime(own?.post?.at), (locales.get(l.id) ?? []).join(" "),
    ];
  });
  return { name: `${grid.cohort.name} results`, csv: toCsv([header, ...rows]) };
}

/** For admins: every facilitator, with their cohort count and whether they are suspended. */
export async function listFacilitators(handle: Db, actor: SessionUser) {
  if (actor.role !== "admin") throw new AppError("forbidden", "cohorts.adminOnly");
  const rows = await handle.db
    .selectFrom("users as u")
    .leftJoin("cohorts as c", "c.owner_id", "u.id")
    .select((eb) => ["u.id", "u.display_name", "u.email", "u.suspended_at", eb.fn.count<number>("c.id").as("cohorts")])
    .where("u.role", "=", "facilitator")
    .groupBy(["u.id", "u.display_name", "u.email", "u.suspended_at"])
    .orderBy("u.display_name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, email: r.email, suspended: Boolean(r.suspended_at), cohorts: Number(r.cohorts) }));
}

/** For admins: every cohort, read-only (a suspended facilitator's cohorts stay reachable). */
export async function listAllCohorts(handle: Db, actor: SessionUser) {
  if (actor.role !== "admin") throw new AppError("forbidden", "cohorts.adminOnly");
  const rows = await handle.db
    .selectFrom("cohorts as c")
    .innerJoin("users as u", "u.id", "c.owner_id")
    .select(["c.id", "c.name", "c.kind", "c.archived_at", "u.display_name as owner"])
    .orderBy("c.created_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, archived: Boolean(r.archived_at), owner: r.owner }));
}

/**
 * A cohort's assignments, for its facilitators: each with its due date, how many of the group's
 * learners have done it ("n of m done") and who has not, by name (the facilitator's own view:
 * names never go to a learner or a projected room view), and the plan lesson it belongs to when
 * the group follows a school plan. One query: assignments x members, with each pair's done mark.
 */
export async function cohortAssignments(handle: Db, actor: SessionUser, cohortId: string, now = new Date()) {
  const cohort = await cohortFor(handle, actor, cohortId, "read");
  const rows = await handle.db
    .selectFrom("assignments as a")
    .leftJoin("cohort_members as m", "m.cohort_id", "a.cohort_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .leftJoin("lesson_completions as lc", (j) => j.onRef("lc.user_id", "=", "m.user_id").on("lc.course_id", "=", cohort.course_id).onRef("lc.lesson_id", "=", "a.activity_id"))
    // Done as the learner's dashboard counts it: the lesson marked done, or a finished attempt
    // at it (lesson quizzes, checks and boosters).
    .select((eb) => [
      "a.activity_id", "a.due_at", "m.user_id", "u.display_name", "lc.completed_at",
      eb
        .exists(
          eb.selectFrom("quiz_attempts as qa").select("qa.id").whereRef("qa.user_id", "=", "m.user_id").where("qa.course_id", "=", cohort.course_id).whereRef("qa.lesson_id", "=", "a.activity_id").where("qa.finished_at", "is not", null),
        )
        .as("attempted"),
    ])
    .where("a.cohort_id", "=", cohortId)
    .execute();
  const track = cohort.track_id ? getTrack(cohort.locale, cohort.track_id) : undefined;
  const parts = planPartsOf(track);
  const planOrder = track ? planAssignments(track).map((a) => a.activityId) : [];
  type Row = { activityId: string; ref: ProgressActivity | null; title: string; dueAt: string | null; part: { id: string; number: number; title: string } | null; order: number; total: number; missing: { id: string; name: string }[] };
  const byActivity = new Map<string, Row>();
  for (const r of rows) {
    let a = byActivity.get(r.activity_id);
    if (!a) {
      const ref = parseProgressActivity(cohort.course_id, r.activity_id) ?? null;
      const order = planOrder.indexOf(r.activity_id);
      a = {
        activityId: r.activity_id,
        ref,
        // A check slot has no title of its own here (two forms): the assignments list names the slot.
        title: (ref && activityTitle(cohort.locale, ref)) ?? r.activity_id,
        dueAt: r.due_at,
        part: parts.get(r.activity_id) ?? null,
        order: order < 0 ? Number.MAX_SAFE_INTEGER : order,
        total: 0,
        missing: [],
      };
      byActivity.set(r.activity_id, a);
    }
    if (!r.user_id) continue; // no members yet: the assignment alone
    a.total++;
    if (!(r.completed_at || Number(r.attempted))) a.missing.push({ id: r.user_id, name: r.display_name ?? "" });
  }
  return [...byActivity.values()]
    .sort((x, y) => x.order - y.order || byDueThenPlan(x, y))
    .map(({ order: _order, ...a }) => {
      const done = a.total - a.missing.length;
      return { ...a, done, missing: a.missing.sort((x, y) => x.name.localeCompare(y.name)), overdue: a.missing.length > 0 && isOverdue(a.dueAt, false, now) };
    });
}

/** What the top of a group's page shows, read before its reports: the group and who joined. */
export interface CohortHeader {
  cohort: { id: string; name: string; kind: string; joinCode: string; archived: boolean; locale: string; courseId: string; trackId: string; canManage: boolean };
  members: number;
  /** Members who joined with a nickname only (no account of their own). */
  nicknameOnly: number;
}

/** The group and its member counts (the access check, then one statement). */
export async function cohortHeader(handle: Db, actor: SessionUser, cohortId: string): Promise<CohortHeader> {
  const c = await cohortFor(handle, actor, cohortId, "read");
  const row = await handle.db
    .selectFrom("cohort_members")
    .select((eb) => [eb.fn.countAll<number | string>().as("members"), eb.fn.sum<number | string | null>("pseudonymous").as("nicknames")])
    .where("cohort_id", "=", cohortId)
    .executeTakeFirst();
  return {
    cohort: { id: c.id, name: c.name, kind: c.kind, joinCode: c.join_code, archived: Boolean(c.archived_at), locale: c.locale, courseId: c.course_id, trackId: c.track_id, canManage: c.canManage },
    members: Number(row?.members ?? 0),
    nicknameOnly: Number(row?.nicknames ?? 0),
  };
}
