// Reads of the learner's own record. One SQL statement per view; the shape returned holds only
// what the screen shows.
import "server-only";
import { sql } from "kysely";
import type { Db } from "@/lib/db/client";
import { getBoosters, getCourses, hasCheckForms } from "@/lib/content";
import { CHECK_ACTIVITY_IDS, courseActivityKey, type ProgressActivity } from "@/lib/content/activity-id";
import type { SessionUser } from "@/lib/auth/accounts";
import { SKILLS, type Skill } from "@/lib/quiz/types";
import { computeMastery, type ResponseForMastery, type SkillMastery } from "./mastery";
import { practiceTargets, type PracticeTarget } from "./practice";
import { selfPacedCourse } from "./self-paced";

export interface LessonProgressView {
  id: string;
  title: string;
  completedAt: string | null;
  bestPercent: number | null;
  latestPercent: number | null;
  attempts: number;
}

export interface ScoreView {
  latestPercent: number | null;
  bestPercent: number | null;
  at: string | null;
}

export interface DashboardView {
  courses: {
    id: string;
    title: string;
    /** `core`: the module counts towards finishing the course on the self-paced route (lib/progress/self-paced.ts). */
    modules: { id: string; number: number; title: string; core: boolean; done: number; total: number; lessons: LessonProgressView[] }[];
    /** Pre- and post-assessment (the first attempt of each counts) and the gain between them, in points. */
    assessments: { pre: ScoreView | null; post: ScoreView | null; gain: number | null } | null;
    /** Boosters with the date they are offered from (null until the post-assessment is done). */
    boosters: { id: string; title: string; summary: string; offerAfterDays: number; offeredFrom: string | null; score: ScoreView | null }[];
    /** For each skill, the lesson quiz with most still to win on it (lib/progress/practice.ts). */
    practice: PracticeTarget[];
  }[];
  mastery: SkillMastery[];
  lastActivityAt: string | null;
}

interface Row {
  kind: "completion" | "attempt" | "response";
  course_id: string;
  /** The lesson for completions and attempts; the quiz for responses. */
  item_id: string;
  at: string | null;
  score: number | string | null;
  best: number | string | null;
  n: number | string | null;
  question_id: string | null;
  skill: string | null;
}

/**
 * The learner dashboard in one statement: completions, the latest and best finished attempt per
 * lesson, and the latest response to each question (for mastery).
 */
export async function getDashboard(handle: Db, actor: SessionUser, locale: string): Promise<DashboardView> {
  const { rows } = await sql<Row>`
    with a as (
      select course_id, lesson_id, score, finished_at,
        -- The latest attempt of a lesson or booster; the FIRST of a check, the only one that
        -- counts (a check is a measurement taken once, issue #20). A partition is all checks or none.
        row_number() over (
          partition by course_id, lesson_id
          order by case when lesson_id in (${sql.join(CHECK_ACTIVITY_IDS)}) then finished_at end asc, finished_at desc, id desc
        ) as rn,
        max(score) over (partition by course_id, lesson_id) as best,
        count(*) over (partition by course_id, lesson_id) as n
      from quiz_attempts
      where user_id = ${actor.id} and finished_at is not null
    ),
    r as (
      select q.course_id, q.quiz_id, x.question_id, x.skill, x.points, x.answered_at,
        row_number() over (partition by q.course_id, q.quiz_id, x.question_id order by x.answered_at desc, x.id desc) as rn
      from quiz_responses x join quiz_attempts q on q.id = x.attempt_id
      where x.user_id = ${actor.id}
    )
    select 'completion' as kind, course_id, lesson_id as item_id, completed_at as at,
      null as score, null as best, null as n, null as question_id, null as skill
      from lesson_completions where user_id = ${actor.id}
    union all
    select 'attempt', course_id, lesson_id, finished_at, score, best, n, null, null from a where rn = 1
    union all
    select 'response', course_id, quiz_id, answered_at, points, null, null, question_id, skill from r where rn = 1
  `.execute(handle.db);

  const byLesson = new Map<string, { completedAt: string | null; best: number | null; latest: number | null; attempts: number; at: string | null }>();
  const lessonEntry = (key: string) => {
    let e = byLesson.get(key);
    if (!e) byLesson.set(key, (e = { completedAt: null, best: null, latest: null, attempts: 0, at: null }));
    return e;
  };
  const responses: (ResponseForMastery & { quiz: string })[] = [];
  let lastActivityAt: string | null = null;
  for (const row of rows) {
    if (row.at && (!lastActivityAt || row.at > lastActivityAt)) lastActivityAt = row.at;
    const key = `${row.course_id}/${row.item_id}`;
    if (row.kind === "completion") lessonEntry(key).completedAt = row.at;
    else if (row.kind === "attempt") {
      const e = lessonEntry(key);
      e.latest = Number(row.score);
      e.best = Number(row.best);
      e.attempts = Number(row.n);
      e.at = row.at;
    } else {
      responses.push({ questionKey: `${key}/${row.question_id}`, quiz: key, skill: row.skill as Skill, points: Number(row.score), answeredAt: row.at ?? "" });
    }
  }

  const percent = (s: number | null) => (s === null ? null : Math.floor(s * 100 + 1e-9));
  const score = (ref: ProgressActivity): ScoreView | null => {
    const e = byLesson.get(courseActivityKey(ref));
    return e && e.attempts > 0 ? { latestPercent: percent(e.latest), bestPercent: percent(e.best), at: e.at } : null;
  };
  const assessmentsOf = (courseId: string) => {
    if (!hasCheckForms(locale, courseId)) return null;
    const pre = score({ kind: "check", course: courseId, slot: "pre" });
    const post = score({ kind: "check", course: courseId, slot: "post" });
    const gain = pre?.latestPercent != null && post?.latestPercent != null ? post.latestPercent - pre.latestPercent : null;
    return { pre, post, gain };
  };
  const boostersOf = (courseId: string) => {
    const finished = score({ kind: "check", course: courseId, slot: "post" })?.at ?? null;
    return getBoosters(locale, courseId).map((b) => ({
      id: b.id,
      title: b.title,
      summary: b.summary,
      offerAfterDays: b.offerAfterDays,
      offeredFrom: finished ? new Date(Date.parse(finished) + b.offerAfterDays * 86_400_000).toISOString() : null,
      score: score({ kind: "booster", course: courseId, booster: b.id }),
    }));
  };
  // The learner's mean points per quiz and skill, over the latest answer to each question (the
  // statement keeps only those), for choosing where to practise.
  const perQuizSkill = new Map<string, { sum: number; n: number }>();
  for (const r of responses) {
    const k = `${r.quiz}/${r.skill}`;
    const e = perQuizSkill.get(k) ?? { sum: 0, n: 0 };
    perQuizSkill.set(k, { sum: e.sum + r.points, n: e.n + 1 });
  }
  const scoresOn = (courseId: string, quizId: string) =>
    Object.fromEntries(
      SKILLS.flatMap((s) => {
        const e = perQuizSkill.get(`${courseId}/${quizId}/${s}`);
        return e ? [[s, e.sum / e.n]] : [];
      }),
    );
  // Practice draws on the lessons that finish the course, not the optional facilitators' module.
  const routeOf = (courseId: string) => {
    const lessons = selfPacedCourse(locale, courseId)?.lessons ?? [];
    const candidates = lessons.flatMap((l) => (l.core && l.counts && l.quizId ? [{ lessonId: l.id, title: l.title, counts: l.counts, scores: scoresOn(courseId, l.quizId) }] : []));
    return { core: new Set(lessons.filter((l) => l.core).map((l) => l.id)), practice: practiceTargets(candidates) };
  };
  return {
    courses: getCourses(locale).map((course) => {
      const route = routeOf(course.id);
      return {
        id: course.id,
        title: course.title,
        assessments: assessmentsOf(course.id),
        boosters: boostersOf(course.id),
        practice: route.practice,
        modules: course.modules.map((m) => {
          const lessons = m.lessons.map((l) => {
            const e = byLesson.get(courseActivityKey({ kind: "lesson", course: course.id, lesson: l.id }));
            return {
              id: l.id,
              title: l.title,
              completedAt: e?.completedAt ?? null,
              bestPercent: percent(e?.best ?? null),
              latestPercent: percent(e?.latest ?? null),
              attempts: e?.attempts ?? 0,
            };
          });
          const core = m.lessons.every((l) => route.core.has(l.id));
          return { id: m.id, number: m.number, title: m.title, core, done: lessons.filter((l) => l.completedAt).length, total: lessons.length, lessons };
        }),
      };
    }),
    mastery: computeMastery(responses),
    lastActivityAt,
  };
}
