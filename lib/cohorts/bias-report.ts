// The bias-check report (issue #20): each pair of a course is shown between subjects, one
// version per learner, so comparing the versions' answers measures whether one identity feature
// alone changes what learners judge proportionate. Per pair and version: how many learners
// answered, the share choosing each option, the share choosing the key (the proportionate
// response), and the difference a - b in that share with Newcombe's 95 % interval.
// Each learner counts once per pair: their first answer to it, on the current content version.
// A version with fewer than MIN_PER_VERSION learners is not shown (nor the difference), so a
// small group's figures never point at a person. For a group (its facilitators, admins) and
// course-wide (admins only).
import "server-only";
import { sql } from "kysely";
import { reportQuery, type Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { getCourse, getCourseQuizzes } from "@/lib/content";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { gradeAnswer } from "@/lib/quiz/grade";
import { newcombeDifference, wilson } from "@/lib/quiz/proportions";
import type { BiasFeature, BiasPair, Question, Quiz } from "@/lib/quiz/types";
import { cohortFor } from "./access";

/** Learners per version below which a version's figures stay hidden. */
export const MIN_PER_VERSION = 10;

/** Types whose options are one choice each: their distribution is shown; others only the share right. */
const ONE_CHOICE: ReadonlySet<Question["type"]> = new Set(["single", "scenario", "true-false"]);

export interface BiasOptionShare {
  id: string;
  /** Empty for true/false: the screen shows its own words for "true" and "false". */
  text: string;
  /** Whole percent of the version's learners who chose it. */
  percent: number;
  /** The key: the proportionate response. */
  key: boolean;
}

export interface BiasVersionView {
  version: "a" | "b";
  questionId: string;
  type: Question["type"];
  vignette?: string;
  prompt: string;
  /** Learners who answered this version (each once). Always shown: a count says nothing about anyone. */
  learners: number;
  /** Null below MIN_PER_VERSION learners. */
  keyPercent: number | null;
  /** Wilson 95 % interval of the key share, whole percent; null when hidden. */
  keyRange: [number, number] | null;
  /** One-choice types only; null when hidden or for other types. */
  options: BiasOptionShare[] | null;
}

export interface BiasPairView {
  id: string;
  feature: BiasFeature;
  /** Where the pair is: its lesson's title for a lesson quiz, else the check form's or refresher's title. */
  quizTitle: string;
  versions: [BiasVersionView, BiasVersionView];
  /** Key share of a minus b in percentage points (1 decimal), with its 95 % interval; null when hidden. */
  difference: { points: number; lower: number; upper: number } | null;
}

export interface BiasReportView {
  pairs: BiasPairView[];
  minPerVersion: number;
}

/** A group's bias checks: its facilitators and admins (cohortFor decides). */
export async function cohortBiasReport(handle: Db, actor: SessionUser, cohortId: string): Promise<BiasReportView> {
  const cohort = await cohortFor(handle, actor, cohortId, "read");
  return biasReport(handle, cohort.locale, cohort.course_id, cohortId);
}

/** Every learner of the course (in this language's content): admins only. */
export async function courseBiasReport(handle: Db, actor: SessionUser, locale: string, courseId: string): Promise<BiasReportView> {
  if (actor.role !== "admin") {
    log("auth.denied", { userId: actor.id, reason: "course bias report needs an admin" });
    throw new AppError("forbidden", "cohorts.adminOnly");
  }
  if (!getCourse(locale, courseId)) throw new AppError("not_found", "content.unknownCourse");
  return biasReport(handle, locale, courseId, null);
}

interface Located {
  pair: BiasPair;
  quiz: Quiz;
}

/** Each pair of the course once, with the quiz it is in (pair ids are unique in a course). */
function coursePairs(locale: string, courseId: string): Located[] {
  const seen = new Set<string>();
  return getCourseQuizzes(locale, courseId).flatMap((quiz) =>
    (quiz.biasPairs ?? []).flatMap((pair) => {
      if (seen.has(pair.id) || !quiz.version) return [];
      seen.add(pair.id);
      return [{ pair, quiz }];
    }),
  );
}

/** Where a pair is, in words a facilitator knows: a lesson quiz by its lesson's title (lesson quizzes share one title), else the quiz's own. */
function placeOf(locale: string, courseId: string, quiz: Quiz): string {
  const lesson = getCourse(locale, courseId)?.modules.flatMap((m) => m.lessons).find((l) => l.quizId === quiz.id);
  return lesson?.title ?? quiz.title;
}

type Row = { pair_id: string; question_id: string; chosen: string; n: number | string };

async function biasReport(handle: Db, locale: string, courseId: string, cohortId: string | null): Promise<BiasReportView> {
  const located = coursePairs(locale, courseId);
  if (located.length === 0) return { pairs: [], minPerVersion: MIN_PER_VERSION };
  // An answer belongs to a pair by the quiz its attempt was taken on (quiz_id, which names the
  // form of a check), that quiz's current content version and one of the pair's two questions.
  const belongs = ({ pair, quiz }: Located) =>
    sql`(a.quiz_id = ${quiz.id} and a.content_version = ${quiz.version!} and r.question_id in (${pair.versions[0]}, ${pair.versions[1]}))`;
  const pairOf = sql`case ${sql.join(located.map((l) => sql`when ${belongs(l)} then ${l.pair.id}`), sql` `)} end`;
  const scope = cohortId === null ? sql`` : sql`join cohort_members m on m.user_id = a.user_id and m.cohort_id = ${cohortId}`;
  // One statement: every learner's answers to paired questions, numbered per learner and pair in
  // the order given; the first ones counted, grouped by pair, version and choice.
  const rows = await reportQuery(handle, async (db) => {
    const { rows } = await sql<Row>`
      select pair_id, question_id, chosen, count(*) as n from (
        select pair_id, question_id, chosen, row_number() over (partition by user_id, pair_id order by answered_at, id) as k from (
          select ${pairOf} as pair_id, r.user_id, r.question_id, r.chosen, r.answered_at, r.id
            from quiz_attempts a join quiz_responses r on r.attempt_id = a.id ${scope}
            where a.course_id = ${courseId} and (${sql.join(located.map(belongs), sql` or `)})
        ) answers
      ) numbered
      where k = 1
      group by pair_id, question_id, chosen
    `.execute(db);
    return rows;
  });

  const pairs = located.map(({ pair, quiz }) => {
    const versions = pair.versions.map((questionId, i) =>
      versionView(i === 0 ? "a" : "b", quiz.questions.find((q) => q.id === questionId)!, rows.filter((r) => r.pair_id === pair.id && r.question_id === questionId)),
    ) as [Counted, Counted];
    const [a, b] = versions;
    const shown = a.view.keyPercent !== null && b.view.keyPercent !== null;
    const d = shown ? newcombeDifference(a.keyCount, a.view.learners, b.keyCount, b.view.learners) : null;
    const points = (x: number) => Math.round(x * 1000) / 10 || 0;
    return {
      id: pair.id,
      feature: pair.feature,
      quizTitle: placeOf(locale, courseId, quiz),
      versions: [a.view, b.view] as [BiasVersionView, BiasVersionView],
      difference: d && { points: points(d.difference), lower: points(d.lower), upper: points(d.upper) },
    };
  });
  return { pairs, minPerVersion: MIN_PER_VERSION };
}

interface Counted {
  view: BiasVersionView;
  keyCount: number;
}

function versionView(version: "a" | "b", question: Question, rows: readonly Row[]): Counted {
  const choices = rows.map((r) => ({ chosen: parseChosen(r.chosen), n: Number(r.n) }));
  const learners = choices.reduce((s, c) => s + c.n, 0);
  const keyCount = choices.filter((c) => choseKey(question, c.chosen)).reduce((s, c) => s + c.n, 0);
  const base = { version, questionId: question.id, type: question.type, ...(question.vignette ? { vignette: question.vignette } : {}), prompt: question.prompt, learners };
  if (learners < MIN_PER_VERSION) return { view: { ...base, keyPercent: null, keyRange: null, options: null }, keyCount };
  const percent = (n: number) => Math.round((n / learners) * 100);
  const range = wilson(keyCount, learners)!;
  const options = ONE_CHOICE.has(question.type)
    ? question.options.map((o) => ({
        id: o.id,
        text: o.text,
        percent: percent(choices.filter((c) => c.chosen.length === 1 && c.chosen[0] === o.id).reduce((s, c) => s + c.n, 0)),
        key: question.correct.includes(o.id),
      }))
    : null;
  return { view: { ...base, keyPercent: percent(keyCount), keyRange: [Math.round(range.lower * 100), Math.round(range.upper * 100)], options }, keyCount };
}

function parseChosen(raw: string): string[] {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** Whether a stored answer is the key, graded as the learner was (an answer that no longer grades is not). */
function choseKey(question: Question, chosen: string[]): boolean {
  try {
    return gradeAnswer(question, chosen).verdict === "correct";
  } catch {
    return false;
  }
}
