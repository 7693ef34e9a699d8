// Facilitator reports, one SQL statement per view, aggregated in the database where it can be;
// the shapes returned hold only what the screen shows. No per-person risk label exists anywhere.
import "server-only";
import { sql } from "kysely";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { getCourse, findQuizActivity } from "@/lib/content";
import { gradeAnswer, discernmentRates, type Discernment } from "@/lib/quiz/grade";
import { discernmentTotals, groupSensitivity, type GroupSensitivity } from "@/lib/quiz/sensitivity";
import { cohortFor } from "./access";
import { courseActivities } from "./item-analysis";

export { itemAnalysis, type ActivityKind, type FormRow, type ItemAnalysisRow, type ItemAnalysisView } from "./item-analysis";

const pct = (s: number | null | undefined) => (s === null || s === undefined ? null : Math.floor(Number(s) * 100 + 1e-9));

export interface RosterView {
  cohort: { id: string; name: string; kind: string; joinCode: string; archived: boolean; locale: string; courseId: string; canManage: boolean };
  modules: { number: number; title: string }[];
  lessons: { id: string; title: string; module: number; completed: number }[];
  learners: { id: string; name: string; nicknameOnly: boolean; done: number; cells: Record<string, { done: boolean; bestPercent: number | null }> }[];
}

/** The learner × lesson grid (heat map) with completion counts. */
export async function rosterGrid(handle: Db, actor: SessionUser, cohortId: string): Promise<RosterView> {
  const cohort = await cohortFor(handle, actor, cohortId, "read");
  const { rows } = await sql<{ user_id: string; name: string | null; pseudonymous: number | null; kind: string; item: string | null; score: number | string | null }>`
    select m.user_id, u.display_name as name, m.pseudonymous, 'member' as kind, null as item, cast(null as real) as score
      from cohort_members m join users u on u.id = m.user_id
      where m.cohort_id = ${cohortId}
    union all
    select m.user_id, null, null, 'done', c.lesson_id, cast(null as real)
      from cohort_members m join lesson_completions c on c.user_id = m.user_id and c.course_id = ${cohort.course_id}
      where m.cohort_id = ${cohortId}
    union all
    select m.user_id, null, null, 'best', a.lesson_id, max(a.score)
      from cohort_members m join quiz_attempts a on a.user_id = m.user_id and a.course_id = ${cohort.course_id} and a.finished_at is not null
      where m.cohort_id = ${cohortId}
      group by m.user_id, a.lesson_id
  `.execute(handle.db);

  const course = getCourse(cohort.locale, cohort.course_id);
  const lessons = (course?.modules ?? []).flatMap((m) => m.lessons.map((l) => ({ id: l.id, title: l.title, module: m.number, completed: 0 })));
  const learners = new Map<string, RosterView["learners"][number]>();
  for (const r of rows) {
    if (r.kind === "member") learners.set(r.user_id, { id: r.user_id, name: r.name ?? "", nicknameOnly: Number(r.pseudonymous) === 1, done: 0, cells: {} });
  }
  for (const r of rows) {
    const l = learners.get(r.user_id);
    if (!l || !r.item) continue;
    const cell = (l.cells[r.item] ??= { done: false, bestPercent: null });
    if (r.kind === "done") cell.done = true;
    if (r.kind === "best") cell.bestPercent = pct(r.score as number);
  }
  for (const l of learners.values()) {
    l.done = lessons.filter((x) => l.cells[x.id]?.done).length;
    for (const x of lessons) if (l.cells[x.id]?.done) x.completed++;
  }
  return {
    cohort: { id: cohort.id, name: cohort.name, kind: cohort.kind, joinCode: cohort.join_code, archived: Boolean(cohort.archived_at), locale: cohort.locale, courseId: cohort.course_id, canManage: cohort.canManage },
    modules: (course?.modules ?? []).map((m) => ({ number: m.number, title: m.title })),
    lessons,
    learners: [...learners.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * Below this many learners with a sensitivity (d′) of their own, the group's is hidden: a mean
 * over two or three people says too much about each (the same line as the anonymous views).
 */
export const SENSITIVITY_MIN_LEARNERS = 5;

export interface LearningView {
  /** Learners with both a pre- and a post-assessment. */
  n: number;
  meanPre: number | null;
  meanPost: number | null;
  /** Class-average normalised gain (Hake): (post - pre) / (100 - pre). */
  normalisedGain: number | null;
  discernment: {
    /** Pooled over every discernment answer of the group. */
    hitRate: number | null;
    falseAlarmRate: number | null;
    items: number;
    /** The mean of each learner's own d′ over their answers; null below `minLearners` learners. */
    sensitivity: GroupSensitivity | null;
    minLearners: number;
  };
}

/**
 * Learning gain over learners with both checks; discernment rates over every discernment answer,
 * and the group's sensitivity (d′) as the mean of each learner's own.
 */
export async function learningGain(handle: Db, actor: SessionUser, cohortId: string): Promise<LearningView> {
  const cohort = await cohortFor(handle, actor, cohortId, "read");
  // Only attempts on the current content version of each activity count: a pre-check on the old
  // items and a post-check on the rewritten ones measure different things (issue #20).
  const activities = courseActivities(cohort.locale, cohort.course_id);
  const versionOf = new Map(activities.map((a) => [a.id, a.quiz.version ?? null]));
  const onCurrent = (id: string) => sql`(a.lesson_id = ${id} and a.content_version = ${versionOf.get(id) ?? ""})`;
  // Only discernment answers matter for the rates: fetch those, not every response.
  const discernIds = [...new Set(activities.flatMap((a) => a.quiz.questions.filter((q) => q.type === "discern").map((q) => q.id)))];
  const discernVersions = [...new Set(activities.filter((a) => a.quiz.questions.some((q) => q.type === "discern")).flatMap((a) => a.quiz.version ?? []))];
  const responses = discernIds.length && discernVersions.length
    ? sql`union all
    select 'response', r.user_id, a.lesson_id, null, a.content_version, r.question_id, r.chosen
      from cohort_members m join quiz_responses r on r.user_id = m.user_id join quiz_attempts a on a.id = r.attempt_id
      where m.cohort_id = ${cohortId} and a.course_id = ${cohort.course_id} and r.question_id in (${sql.join(discernIds)})
        and a.content_version in (${sql.join(discernVersions)})`
    : sql``;
  // "at" holds the finish time for an assessment and the content version for a response.
  const { rows } = await sql<{ kind: string; user_id: string; activity: string; score: number | string | null; at: string | null; question_id: string | null; chosen: string | null }>`
    select 'assessment' as kind, a.user_id, a.lesson_id as activity, a.score, a.finished_at as at, null as question_id, null as chosen
      from cohort_members m join quiz_attempts a on a.user_id = m.user_id
      where m.cohort_id = ${cohortId} and a.course_id = ${cohort.course_id}
        and (${onCurrent("assessment-pre")} or ${onCurrent("assessment-post")}) and a.finished_at is not null
    ${responses}
  `.execute(handle.db);

  // Baseline: each learner's first pre-assessment; outcome: their latest post-assessment.
  const pre = new Map<string, { at: string; score: number }>();
  const post = new Map<string, { at: string; score: number }>();
  // Each learner's discernment answers: the rates pool them all, d′ is worked out per learner.
  const perLearner = new Map<string, { discernment?: Discernment }[]>();
  for (const r of rows) {
    if (r.kind === "assessment" && r.at) {
      const map = r.activity === "assessment-pre" ? pre : post;
      const seen = map.get(r.user_id);
      const better = !seen || (r.activity === "assessment-pre" ? r.at < seen.at : r.at > seen.at);
      if (better) map.set(r.user_id, { at: r.at, score: Number(r.score) * 100 });
    } else if (r.kind === "response" && r.question_id && r.chosen && r.at === versionOf.get(r.activity)) {
      const q = findQuizActivity(cohort.locale, cohort.course_id, r.activity)?.quiz.questions.find((x) => x.id === r.question_id);
      if (q?.type !== "discern") continue;
      const graded = gradeAnswer(q, JSON.parse(r.chosen) as string[]);
      const own = perLearner.get(r.user_id) ?? [];
      own.push(graded);
      perLearner.set(r.user_id, own);
    }
  }
  const both = [...pre.keys()].filter((id) => post.has(id));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const meanPre = mean(both.map((id) => pre.get(id)!.score));
  const meanPost = mean(both.map((id) => post.get(id)!.score));
  const normalisedGain = meanPre !== null && meanPost !== null && meanPre < 100 ? (meanPost - meanPre) / (100 - meanPre) : null;
  const round = (x: number | null, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
  const sensitivity = groupSensitivity([...perLearner.values()].map(discernmentTotals), SENSITIVITY_MIN_LEARNERS);
  return {
    n: both.length,
    meanPre: round(meanPre),
    meanPost: round(meanPost),
    normalisedGain: round(normalisedGain, 2),
    discernment: { ...discernmentRates([...perLearner.values()].flat()), sensitivity, minLearners: SENSITIVITY_MIN_LEARNERS },
  };
}
