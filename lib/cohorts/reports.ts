// Facilitator reports, one SQL statement per view, aggregated in the database where it can be;
// the shapes returned hold only what the screen shows. No per-person risk label exists anywhere.
import "server-only";
import { KNOWN_LOCALES } from "@/lib/content/known-locales";
import { sql } from "kysely";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { getCourse } from "@/lib/content";
import { formOfQuizId } from "@/lib/content/check-forms";
import { CHECK_ACTIVITY_IDS, parseProgressActivity } from "@/lib/content/activity-id";
import type { FormId } from "@/lib/quiz/experiments";
import { counterbalancedGain, GAIN_MIN_LEARNERS, orderOf, type GainFigures, type LearnerChange } from "@/lib/quiz/gain";
import { gradeAnswer, discernmentRates, type Discernment } from "@/lib/quiz/grade";
import { discernmentTotals, groupSensitivity, type GroupSensitivity } from "@/lib/quiz/sensitivity";
import { cohortFor } from "./access";
import { courseActivities } from "./item-analysis";
import { andInLocale, type LocaleFilter } from "./locale-filter";
import { planLessons, type PlanLesson } from "./plan";
import { summariseProgress, type RoomProgressView } from "./room";

export type { RoomProgressView } from "./room";
export type { LocaleFilter } from "./locale-filter";
export { itemAnalysis, type ActivityKind, type ItemLocaleRow, type FormRow, type ItemAnalysisRow, type ItemAnalysisView } from "./item-analysis";

const pct = (s: number | null | undefined) => (s === null || s === undefined ? null : Math.floor(Number(s) * 100 + 1e-9));

export interface RosterView {
  cohort: { id: string; name: string; kind: string; joinCode: string; archived: boolean; locale: string; courseId: string; canManage: boolean };
  /** The modules that hold a lesson of the group's plan. */
  modules: { number: number; title: string }[];
  /** The lessons of the group's plan (lib/cohorts/plan.ts), numbered as in the course. */
  lessons: (PlanLesson & { completed: number })[];
  learners: { id: string; name: string; nicknameOnly: boolean; done: number; cells: Record<string, { done: boolean; bestPercent: number | null }> }[];
}

/** A learner's first finished starting or final check, as their dashboard shows it. */
export interface CheckScore {
  percent: number;
  /** When it was finished (ISO 8601, UTC). */
  at: string;
}

export type CheckScores = Map<string, { pre?: CheckScore; post?: CheckScore }>;

type Cohort = Awaited<ReturnType<typeof cohortFor>>;

/** The learner × lesson grid (heat map) of the plan's lessons, with completion counts. */
export async function rosterGrid(handle: Db, actor: SessionUser, cohortId: string, locale: LocaleFilter = null): Promise<RosterView> {
  return (await readGrid(handle, await cohortFor(handle, actor, cohortId, "read"), false, locale)).roster;
}

/** The room view's progress: the grid summed per lesson, with no name and no row per person. */
export async function roomProgress(handle: Db, actor: SessionUser, cohortId: string): Promise<RoomProgressView> {
  return summariseProgress(await rosterGrid(handle, actor, cohortId));
}

/**
 * The grid, each learner's first starting and final check and the locales each learner answered
 * or marked lessons done in (the export): one statement.
 */
export async function rosterWithChecks(handle: Db, actor: SessionUser, cohortId: string): Promise<{ roster: RosterView; checks: CheckScores; locales: LearnerLocales }> {
  return readGrid(handle, await cohortFor(handle, actor, cohortId, "read"), true, null);
}

/** Per learner, the locales their attempts and lessons done were recorded in, sorted. */
export type LearnerLocales = Map<string, string[]>;

async function readGrid(handle: Db, cohort: Cohort, withChecks: boolean, locale: LocaleFilter): Promise<{ roster: RosterView; checks: CheckScores; locales: LearnerLocales }> {
  const cohortId = cohort.id;
  const plan = planLessons(cohort.locale, cohort.course_id, cohort.track_id);
  const inPlan = plan.length ? sql`a.lesson_id in (${sql.join(plan.map((l) => l.id))})` : sql`1 = 0`;
  const inPlanDone = plan.length ? sql`c.lesson_id in (${sql.join(plan.map((l) => l.id))})` : sql`1 = 0`;
  // The checks' first finished attempt, whatever its content version (the dashboard's rule):
  // every finished one is read here and the earliest kept below.
  const checks = withChecks
    ? sql`union all
    select m.user_id, null, null, 'check', a.lesson_id, a.score, a.finished_at, a.id
      from cohort_members m join quiz_attempts a on a.user_id = m.user_id and a.course_id = ${cohort.course_id}
      where m.cohort_id = ${cohortId} and a.lesson_id in ('assessment-pre', 'assessment-post') and a.finished_at is not null and a.score is not null
    union all
    select m.user_id, null, null, 'locale', a.locale, null, null, null
      from cohort_members m join quiz_attempts a on a.user_id = m.user_id and a.course_id = ${cohort.course_id}
      where m.cohort_id = ${cohortId}
      group by m.user_id, a.locale
    union all
    select m.user_id, null, null, 'locale', c.locale, null, null, null
      from cohort_members m join lesson_completions c on c.user_id = m.user_id and c.course_id = ${cohort.course_id}
      where m.cohort_id = ${cohortId}
      group by m.user_id, c.locale`
    : sql``;
  const { rows } = await sql<{ user_id: string; name: string | null; pseudonymous: number | null; kind: string; item: string | null; score: number | string | null; at: string | null; attempt_id: string | null }>`
    select m.user_id, u.display_name as name, m.pseudonymous, 'member' as kind, null as item, cast(null as real) as score, cast(null as text) as at, cast(null as text) as attempt_id
      from cohort_members m join users u on u.id = m.user_id
      where m.cohort_id = ${cohortId}
    union all
    select m.user_id, null, null, 'done', c.lesson_id, cast(null as real), null, null
      from cohort_members m join lesson_completions c on c.user_id = m.user_id and c.course_id = ${cohort.course_id}
      where m.cohort_id = ${cohortId} and ${inPlanDone} ${andInLocale("c.locale", locale)}
    union all
    select m.user_id, null, null, 'best', a.lesson_id, max(a.score), null, null
      from cohort_members m join quiz_attempts a on a.user_id = m.user_id and a.course_id = ${cohort.course_id} and a.finished_at is not null
      where m.cohort_id = ${cohortId} and ${inPlan} ${andInLocale("a.locale", locale)}
      group by m.user_id, a.lesson_id
    ${checks}
  `.execute(handle.db);

  const course = getCourse(cohort.locale, cohort.course_id);
  const lessons = plan.map((l) => ({ ...l, completed: 0 }));
  const learners = new Map<string, RosterView["learners"][number]>();
  const checkScores: CheckScores = new Map();
  const firstCheck = new Map<string, { at: string; id: string }>();
  const learnerLocales: LearnerLocales = new Map();
  for (const r of rows) {
    if (r.kind === "member") learners.set(r.user_id, { id: r.user_id, name: r.name ?? "", nicknameOnly: Number(r.pseudonymous) === 1, done: 0, cells: {} });
  }
  for (const r of rows) {
    const l = learners.get(r.user_id);
    if (!l || !r.item) continue;
    if (r.kind === "locale") {
      const own = learnerLocales.get(r.user_id) ?? [];
      if (!own.includes(r.item)) learnerLocales.set(r.user_id, [...own, r.item].sort());
      continue;
    }
    if (r.kind === "check") {
      // The earliest finished attempt; on a tie, the dashboard's order (the larger id).
      const key = `${r.user_id}/${r.item}`;
      const seen = firstCheck.get(key);
      if (!r.at || !r.attempt_id || (seen && (seen.at < r.at || (seen.at === r.at && seen.id > r.attempt_id)))) continue;
      firstCheck.set(key, { at: r.at, id: r.attempt_id });
      const own = checkScores.get(r.user_id) ?? {};
      checkScores.set(r.user_id, own);
      own[r.item === "assessment-pre" ? "pre" : "post"] = { percent: pct(r.score as number)!, at: r.at };
      continue;
    }
    const cell = (l.cells[r.item] ??= { done: false, bestPercent: null });
    if (r.kind === "done") cell.done = true;
    if (r.kind === "best") cell.bestPercent = pct(r.score as number);
  }
  for (const l of learners.values()) {
    l.done = lessons.filter((x) => l.cells[x.id]?.done).length;
    for (const x of lessons) if (l.cells[x.id]?.done) x.completed++;
  }
  const modules = new Set(lessons.map((l) => l.module));
  return {
    roster: {
      cohort: { id: cohort.id, name: cohort.name, kind: cohort.kind, joinCode: cohort.join_code, archived: Boolean(cohort.archived_at), locale: cohort.locale, courseId: cohort.course_id, canManage: cohort.canManage },
      modules: (course?.modules ?? []).filter((m) => modules.has(m.number)).map((m) => ({ number: m.number, title: m.title })),
      lessons,
      learners: [...learners.values()].sort((a, b) => a.name.localeCompare(b.name)),
    },
    checks: checkScores,
    locales: learnerLocales,
  };
}

/**
 * Below this many learners with a sensitivity (d′) of their own, the group's is hidden: a mean
 * over two or three people says too much about each (the same line as the anonymous views).
 */
export const SENSITIVITY_MIN_LEARNERS = 5;

/**
 * The assessment part: each learner's starting and final check, in the order of forms they took
 * (A then B, or B then A), and the gain with the forms' difference cancelled (lib/quiz/gain.ts).
 * Figures are null (hidden: true) below GAIN_MIN_LEARNERS learners per order.
 */
export type LearningView = GainFigures & {
  minLearners: number;
  discernment: {
    /** Pooled over every discernment answer of the group. */
    hitRate: number | null;
    falseAlarmRate: number | null;
    items: number;
    /** The mean of each learner's own d′ over their answers; null below `minLearners` learners. */
    sensitivity: GroupSensitivity | null;
    minLearners: number;
  };
};

/**
 * Learning gain over learners with both checks; discernment rates over every discernment answer,
 * and the group's sensitivity (d′) as the mean of each learner's own.
 */
export async function learningGain(handle: Db, actor: SessionUser, cohortId: string, locale: LocaleFilter = null): Promise<LearningView> {
  const cohort = await cohortFor(handle, actor, cohortId, "read");
  // Only attempts on the current content version of each activity count: a pre-check on the old
  // items and a post-check on the rewritten ones measure different things (issue #20).
  // In every enabled language: a learner who took a check in French took the French version of the
  // form (same ids and keys, another hash), and it counts as the group's own (issue #25).
  const activities = [cohort.locale, ...KNOWN_LOCALES.filter((c) => c !== cohort.locale)].flatMap((code) => courseActivities(code, cohort.course_id));
  // Each check form has its own version; a check attempt counts when it was taken on one of them.
  const checkVersions = [...new Set(activities.filter((a) => a.form).flatMap((a) => a.quiz.version ?? []))];
  const currentQuiz = (activityId: string, version: string | null) => activities.find((a) => a.id === activityId && a.quiz.version === version)?.quiz;
  // Only discernment answers matter for the rates: fetch those, not every response.
  const discernIds = [...new Set(activities.flatMap((a) => a.quiz.questions.filter((q) => q.type === "discern").map((q) => q.id)))];
  const discernVersions = [...new Set(activities.filter((a) => a.quiz.questions.some((q) => q.type === "discern")).flatMap((a) => a.quiz.version ?? []))];
  const responses = discernIds.length && discernVersions.length
    ? sql`union all
    select 'response', r.user_id, a.lesson_id, null, a.content_version, r.question_id, r.chosen, null
      from cohort_members m join quiz_responses r on r.user_id = m.user_id join quiz_attempts a on a.id = r.attempt_id
      where m.cohort_id = ${cohortId} and a.course_id = ${cohort.course_id} and r.question_id in (${sql.join(discernIds)})
        and a.content_version in (${sql.join(discernVersions)}) ${andInLocale("a.locale", locale)}`
    : sql``;
  const assessments = checkVersions.length
    ? sql`select 'assessment' as kind, a.user_id, a.lesson_id as activity, a.score, a.finished_at as at, null as question_id, null as chosen, a.quiz_id
      from cohort_members m join quiz_attempts a on a.user_id = m.user_id
      where m.cohort_id = ${cohortId} and a.course_id = ${cohort.course_id}
        and a.lesson_id in (${sql.join(CHECK_ACTIVITY_IDS)}) and a.content_version in (${sql.join(checkVersions)}) and a.finished_at is not null
        ${andInLocale("a.locale", locale)}`
    : sql`select 'none' as kind, null as user_id, null as activity, null as score, null as at, null as question_id, null as chosen, null as quiz_id where 1 = 0`;
  // "at" holds the finish time for an assessment and the content version for a response; quiz_id
  // names the form a check was taken on.
  const { rows } = await sql<{ kind: string; user_id: string; activity: string; score: number | string | null; at: string | null; question_id: string | null; chosen: string | null; quiz_id: string | null }>`
    ${assessments}
    ${responses}
  `.execute(handle.db);

  // Each learner's FIRST finished check of each kind: the checks are measurements, taken once
  // (issue #20); a second attempt (from before retakes were refused) would measure practice.
  const pre = new Map<string, { at: string; score: number; form?: FormId }>();
  const post = new Map<string, { at: string; score: number; form?: FormId }>();
  // Each learner's discernment answers: the rates pool them all, d′ is worked out per learner.
  const perLearner = new Map<string, { discernment?: Discernment }[]>();
  for (const r of rows) {
    const check = r.kind === "assessment" ? parseProgressActivity(cohort.course_id, r.activity) : undefined;
    if (check?.kind === "check" && r.at) {
      const map = check.slot === "pre" ? pre : post;
      const seen = map.get(r.user_id);
      if (!seen || r.at < seen.at) map.set(r.user_id, { at: r.at, score: Number(r.score) * 100, form: formOfQuizId(r.quiz_id ?? "") });
    } else if (r.kind === "response" && r.question_id && r.chosen) {
      const q = currentQuiz(r.activity, r.at)?.questions.find((x) => x.id === r.question_id);
      if (q?.type !== "discern") continue;
      const own = perLearner.get(r.user_id) ?? [];
      own.push(gradeAnswer(q, JSON.parse(r.chosen) as string[]));
      perLearner.set(r.user_id, own);
    }
  }
  // Each learner's order is what they took (the forms of their attempts), not what was planned.
  const learners: LearnerChange[] = [...pre].flatMap(([id, p]) => {
    const q = post.get(id);
    const order = q && orderOf(p.form, q.form);
    return q && order ? [{ order, pre: p.score, post: q.score }] : [];
  });
  const gain = counterbalancedGain(learners);
  const round = (x: number | null, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
  const sensitivity = groupSensitivity([...perLearner.values()].map(discernmentTotals), SENSITIVITY_MIN_LEARNERS);
  return {
    ...gain,
    orders: gain.orders.map((o) => ({ ...o, meanPre: round(o.meanPre), meanPost: round(o.meanPost) })),
    meanPre: round(gain.meanPre),
    meanPost: round(gain.meanPost),
    gain: round(gain.gain),
    interval: gain.interval && [round(gain.interval[0])!, round(gain.interval[1])!],
    formDifference: round(gain.formDifference),
    normalisedGain: round(gain.normalisedGain, 2),
    minLearners: GAIN_MIN_LEARNERS,
    discernment: { ...discernmentRates([...perLearner.values()].flat()), sensitivity, minLearners: SENSITIVITY_MIN_LEARNERS },
  };
}
