// The facilitator's item analysis: per question how many answered, the share of points earned,
// whether it separates learners who know the topic from those who do not, and the mistake to
// discuss; per form (quiz, check or refresher) its reliability. Two statements in one read: the
// answers of open attempts, grouped in the database, and one row per finished attempt with the
// summary of its answers; only attempts on the current content version of each activity count.
// Answers are counted per locale too (the attempt's, issue #25): when more than one language
// answered, each question shows its share correct per language, and a language whose share stands
// apart from the others is flagged (locale-outliers.ts): a mistranslated item shows up there.
import "server-only";
import { sql } from "kysely";
import { reportQuery, type Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { findActivityQuiz, getBoosters, getCourse } from "@/lib/content";
import { activityKindOf, CHECK_SLOTS, formatActivityId, type ProgressActivity } from "@/lib/content/activity-id";
import { FORM_IDS } from "@/lib/content/check-forms";
import { KNOWN_LOCALES } from "@/lib/content/known-locales";
import { gradeAnswer } from "@/lib/quiz/grade";
import type { Quiz } from "@/lib/quiz/types";
import { shownCount, type FormId } from "@/lib/quiz/experiments";
import {
  difficulty,
  difficultyBand,
  discrimination,
  discriminationBand,
  MIN_ANSWERS,
  MIN_ATTEMPTS,
  reliability,
  reliabilityBand,
  type DifficultyBand,
  type DiscriminationBand,
  type FormSums,
  type ItemSums,
  type ReliabilityBand,
} from "@/lib/quiz/psychometrics";
import { decodeAnswerRecord, summaryRecords } from "@/lib/progress/answer-summary";
import { cohortFor } from "./access";
import { commonMistake, type CommonMistake } from "./common-mistake";
import { andInLocale, type LocaleFilter } from "./locale-filter";
import { compareLocales, type LocaleComparison } from "./locale-outliers";
import { planLessons } from "./plan";

export type ActivityKind = "lesson" | "pre" | "post" | "booster";

export interface ItemAnalysisRow {
  activityId: string;
  activityKind: ActivityKind;
  /** A check's form (A or B): half a group takes each form in each slot, so they are analysed apart. */
  form?: FormId;
  questionId: string;
  prompt: string;
  answers: number;
  /** Share of the points earned, whole percent; null below `minAnswers` ("too few answers"). */
  percentCorrect: number | null;
  difficulty: DifficultyBand | null;
  /** Item-rest correlation, 2 decimals; null below `minAttempts` finished attempts or when nobody differs. */
  discrimination: number | null;
  discriminationBand: DiscriminationBand | null;
  /** The mistake to discuss (never a right option). */
  commonWrong: CommonMistake | null;
  /**
   * Per locale that answered it, in the view's `locales` order: its share correct and whether it
   * stands apart from the others (locale-outliers.ts). Only when the view has more than one locale.
   */
  byLocale?: ItemLocaleRow[];
}

export type ItemLocaleRow = LocaleComparison;

export interface FormRow {
  activityId: string;
  activityKind: ActivityKind;
  form?: FormId;
  /** Finished attempts on the current version. */
  attempts: number;
  questions: number;
  /** KR-20 (or alpha with partial credit), 2 decimals; null below `minAttempts`. */
  reliability: number | null;
  method: "kr20" | "alpha" | null;
  band: ReliabilityBand | null;
}

export interface ItemAnalysisView {
  items: ItemAnalysisRow[];
  forms: FormRow[];
  /** Finished attempts on an earlier version of their questions (or of unknown version): not counted. */
  olderAttempts: number;
  /** The locales the counted answers were given in, sorted (one, or none, means no per-locale figures). */
  locales: string[];
  minAnswers: number;
  minAttempts: number;
}

interface Activity {
  /** The stored activity id (lib/content/activity-id.ts), as attempts hold it in lesson_id. */
  id: string;
  kind: ActivityKind;
  /** For a check slot, the form: each slot is taken on either form, by different halves of a group. */
  form?: FormId;
  quiz: Quiz;
}

/** Where an activity's rows are kept: its id, and for a check its form too. */
const activityKey = (id: string, form?: FormId) => (form ? `${id}/${form}` : id);

/** The report's kind of an activity: a check is named by its slot. */
const reportKind = (ref: ProgressActivity): ActivityKind => (ref.kind === "check" ? ref.slot : ref.kind);

/**
 * Every graded activity of a course with its quiz: lessons (or only `lessonIds`, a group's plan),
 * each check slot on each form (the same form is taken before teaching by half a group and after
 * it by the other half, so a slot's items are read per form), refreshers.
 */
export function courseActivities(locale: string, courseId: string, lessonIds?: readonly string[]): Activity[] {
  const lessons = lessonIds ?? getCourse(locale, courseId)?.modules.flatMap((m) => m.lessons.map((l) => l.id)) ?? [];
  const refs: [ProgressActivity, FormId?][] = [
    ...lessons.map((lesson): [ProgressActivity] => [{ kind: "lesson", course: courseId, lesson }]),
    ...CHECK_SLOTS.flatMap((slot) => FORM_IDS.map((form): [ProgressActivity, FormId] => [{ kind: "check", course: courseId, slot }, form])),
    ...getBoosters(locale, courseId).map((b): [ProgressActivity] => [{ kind: "booster", course: courseId, booster: b.id }]),
  ];
  return refs.flatMap(([ref, form]) => {
    const quiz = findActivityQuiz(locale, ref, form)?.quiz;
    return quiz ? [{ id: formatActivityId(ref), kind: reportKind(ref), ...(form ? { form } : {}), quiz }] : [];
  });
}

/**
 * The activity a stored row belongs to, on the current content: by its activity id and, for a
 * check, the form whose current version it was taken on (each form has its own version, so the
 * version tells the form without reading the attempt's quiz_id). Undefined for an older version.
 */
function currentActivity(byKey: ReadonlyMap<string, Activity>, lessonId: string, version: string | null): Activity | undefined {
  if (version === null) return undefined;
  const candidates = activityKindOf(lessonId) === "check" ? FORM_IDS.map((form) => byKey.get(activityKey(lessonId, form))) : [byKey.get(lessonId)];
  return candidates.find((a) => a?.quiz.version === version);
}

type Row = { kind: string; lesson_id: string; v: string | null; loc: string | null; question_id: string | null; chosen: string | null; correct: number | string | null; n: number | string; s1: number | string | null; s2: number | string | null };

export async function itemAnalysis(handle: Db, actor: SessionUser, cohortId: string, locale: LocaleFilter = null): Promise<ItemAnalysisView> {
  const cohort = await cohortFor(handle, actor, cohortId, "read");
  // Only the lessons of the group's plan: a workshop group's questions are its workshop's.
  const plan = planLessons(cohort.locale, cohort.course_id, cohort.track_id).map((l) => l.id);
  const activities = new Map(courseActivities(cohort.locale, cohort.course_id, plan).map((a) => [activityKey(a.id, a.form), a]));
  // An answer given in another language was taken on that language's version of the same quiz
  // (same ids, keys and order: content:check), whose hash differs: it counts for this activity.
  const translated = new Map<string, Activity>();
  for (const code of KNOWN_LOCALES.filter((c) => c !== cohort.locale)) {
    for (const a of courseActivities(code, cohort.course_id, plan)) {
      const own = activities.get(activityKey(a.id, a.form));
      if (own && a.quiz.version && a.quiz.version !== own.quiz.version) translated.set(`${a.id}\u0000${a.quiz.version}`, own);
    }
  }
  const versions = [...new Set([...[...activities.values()].flatMap((a) => (a.quiz.version ? [a.quiz.version] : [])), ...[...translated.keys()].map((k) => k.split("\u0000")[1])])];
  const empty: ItemAnalysisView = { items: [], forms: [], olderAttempts: 0, locales: [], minAnswers: MIN_ANSWERS, minAttempts: MIN_ATTEMPTS };
  if (versions.length === 0) return empty;
  const current = sql`a.content_version in (${sql.join(versions)})`;
  // Attempts at activities outside the plan (a workshop learner's own module 6) are not read at
  // all, so they are neither analysed nor counted as attempts on an earlier version.
  const ids = [...new Set([...activities.values()].map((a) => a.id))];
  const members = sql`cohort_members m join quiz_attempts a on a.user_id = m.user_id and a.course_id = ${cohort.course_id} and a.lesson_id in (${sql.join(ids)})`;
  // 'choice': answers grouped by what was chosen: n answers, s1 of them in finished attempts,
  // s2 = Σscore over those. An answer's points are a function of the choice (graded below), so
  // Σx, Σx² and Σx·score per item follow without reading any answer row. Read from the answers
  // themselves only for attempts without a summary: open ones, found by a partial index.
  // Every finished attempt, one row each with its score and (on a current version) the summary
  // of its answers that finishAttempt wrote (lib/progress/answer-summary.ts), added up below into
  // the same 'choice' counts and, per activity and version, the 'form' sums. Grouping every
  // answer of a cohort in SQL had taken 18.7 x the bench baseline on SQLite (bench/README.md).
  const { open, finished } = await reportQuery(handle, async (db) => {
    const open = await sql<Row>`
      select 'choice' as kind, a.lesson_id, a.content_version as v, a.locale as loc, r.question_id, r.chosen, r.correct, count(*) as n,
             count(a.score) as s1, sum(a.score) as s2
        from ${members} join quiz_responses r on r.attempt_id = a.id
        where m.cohort_id = ${cohortId} and ${current} and a.answer_summary is null ${andInLocale("a.locale", locale)}
        group by a.lesson_id, a.content_version, a.locale, r.question_id, r.chosen, r.correct
    `.execute(db);
    const finished = await sql<AttemptRow>`
      select a.lesson_id, a.content_version as v, a.locale as loc, a.source, a.score, case when ${current} then a.answer_summary end as summary
        from ${members}
        where m.cohort_id = ${cohortId} and a.finished_at is not null ${andInLocale("a.locale", locale)}
    `.execute(db);
    return { open: open.rows, finished: finished.rows };
  });
  const rows = [...open, ...rowsOfAttempts(finished)];

  const num = (x: number | string | null) => Number(x ?? 0);
  const items = new Map<string, { answers: number; points: number; wrong: Map<string, number>; sums: ItemSums; byLocale: Map<string, { answers: number; points: number }> }>();
  const answeredLocales = new Set<string>();
  const forms = new Map<string, FormSums>();
  let olderAttempts = 0;
  const key = (activityId: string, questionId: string) => `${activityId}\u0000${questionId}`;
  for (const r of rows) {
    const activity = currentActivity(activities, r.lesson_id, r.v) ?? translated.get(`${r.lesson_id}\u0000${r.v}`);
    const at = activity && activityKey(activity.id, activity.form);
    if (r.kind === "form") {
      if (!activity || !at) {
        olderAttempts += num(r.n);
        continue;
      }
      // The questions each learner is shown (one version of each bias-check pair): the score's divisor.
      const k = shownCount(activity.quiz);
      // Totals in points: T = score × k, so ΣT = k·Σscore and ΣT² = k²·Σscore².
      forms.set(at, { attempts: num(r.n), items: k, sumT: k * num(r.s1), sumT2: k * k * num(r.s2) });
      continue;
    }
    if (!activity || !at || !r.question_id) continue;
    const question = activity.quiz.questions.find((q) => q.id === r.question_id);
    if (!question) continue;
    const e = items.get(key(at, r.question_id)) ?? { answers: 0, points: 0, wrong: new Map<string, number>(), sums: { sumX: 0, sumX2: 0, sumXT: 0 }, byLocale: new Map() };
    items.set(key(at, r.question_id), e);
    const n = num(r.n);
    const x = pointsOf(question, r.chosen ?? "[]", num(r.correct) === 1);
    e.answers += n;
    e.points += n * x;
    const loc = r.loc ?? "";
    answeredLocales.add(loc);
    const inLoc = e.byLocale.get(loc) ?? { answers: 0, points: 0 };
    e.byLocale.set(loc, inLoc);
    inLoc.answers += n;
    inLoc.points += n * x;
    // Over finished attempts only (s1 of them, Σscore = s2): T = score × k.
    const k = shownCount(activity.quiz);
    e.sums.sumX += x * num(r.s1);
    e.sums.sumX2 += x * x * num(r.s1);
    e.sums.sumXT += x * k * num(r.s2);
    if (num(r.correct) !== 1 && r.chosen !== null) e.wrong.set(r.chosen, (e.wrong.get(r.chosen) ?? 0) + n);
  }

  const locales = [...answeredLocales].sort();
  const out: ItemAnalysisRow[] = [];
  for (const [k, e] of items) {
    const [at, questionId] = k.split("\u0000");
    const activity = activities.get(at)!;
    const question = activity.quiz.questions.find((q) => q.id === questionId)!;
    const form = forms.get(at);
    const p = difficulty(e.points, e.answers);
    const r = form ? discrimination(e.sums, form) : null;
    out.push({
      activityId: activity.id,
      activityKind: activity.kind,
      ...(activity.form ? { form: activity.form } : {}),
      questionId,
      prompt: question.prompt,
      answers: e.answers,
      percentCorrect: p === null ? null : Math.round(p * 100),
      difficulty: p === null ? null : difficultyBand(p),
      discrimination: r === null ? null : Math.round(r * 100) / 100,
      discriminationBand: r === null ? null : discriminationBand(r),
      commonWrong: commonMistake(question, e.wrong),
      ...(locales.length > 1 ? { byLocale: compareLocales(locales.flatMap((l) => (e.byLocale.has(l) ? [{ locale: l, ...e.byLocale.get(l)! }] : [])), MIN_ANSWERS) } : {}),
    });
  }

  const formRows: FormRow[] = [...forms].map(([at, form]) => {
    const activity = activities.get(at)!;
    // A bias-check pair is one item of its form: each learner answered one of its versions.
    const sums = formItems(activity.quiz).flatMap((ids) => {
      const parts = ids.flatMap((id) => items.get(key(at, id))?.sums ?? []);
      return parts.length ? [parts.reduce((t, x) => ({ sumX: t.sumX + x.sumX, sumX2: t.sumX2 + x.sumX2, sumXT: t.sumXT + x.sumXT }))] : [];
    });
    const rel = reliability(sums, form);
    return {
      activityId: activity.id,
      activityKind: activity.kind,
      ...(activity.form ? { form: activity.form } : {}),
      attempts: form.attempts,
      questions: form.items,
      reliability: rel === null ? null : Math.round(rel.value * 100) / 100,
      method: rel?.method ?? null,
      band: rel === null ? null : reliabilityBand(rel.value),
    };
  });

  return { items: rankItems(out), forms: formRows, olderAttempts, locales, minAnswers: MIN_ANSWERS, minAttempts: MIN_ATTEMPTS };
}

/**
 * The form's items as question ids: a bias-check pair is one item, since each learner answered
 * one of its versions, so the two versions' sums (over disjoint learners) add up to the item's.
 */
function formItems(quiz: Quiz): string[][] {
  const pairOf = new Map((quiz.biasPairs ?? []).flatMap((p) => p.versions.map((v) => [v, p.versions] as const)));
  const done = new Set<string>();
  return quiz.questions.flatMap((q) => {
    if (done.has(q.id)) return [];
    const ids = pairOf.get(q.id) ?? [q.id];
    ids.forEach((id) => done.add(id));
    return [[...ids]];
  });
}

type AttemptRow = { lesson_id: string; v: string | null; loc: string; source: string; score: number | string | null; summary: string | null };

/**
 * From finished attempts, the rows a GROUP BY over every answer would give: 'choice' rows from
 * their answer summaries (n answers, s1 with a score, s2 = Σscore), and per activity and version,
 * over attempts taken in the app with a score, a 'form' row (N, Σscore, Σscore²). Attempts with
 * the same answers in the same locale share a summary, so each is split once however many attempts hold it.
 */
function rowsOfAttempts(attempts: readonly AttemptRow[]): Row[] {
  type Sums = { n: number; s1: number; s2: number };
  // Summaries by locale, then by text: the texts are the long strings, so none is copied into a key.
  const byActivity = new Map<string, { lesson_id: string; v: string | null; form: Sums; summaries: Map<string, Map<string, Sums>> }>();
  for (const a of attempts) {
    const k = `${a.lesson_id}\u0000${a.v ?? ""}`;
    let e = byActivity.get(k);
    if (!e) byActivity.set(k, (e = { lesson_id: a.lesson_id, v: a.v, form: { n: 0, s1: 0, s2: 0 }, summaries: new Map() }));
    const score = a.score === null ? null : Number(a.score);
    if (a.source === "app" && score !== null) {
      e.form.n += 1;
      e.form.s1 += score;
      e.form.s2 += score * score;
    }
    if (a.summary === null) continue;
    let inLocale = e.summaries.get(a.loc);
    if (!inLocale) e.summaries.set(a.loc, (inLocale = new Map()));
    const same = inLocale.get(a.summary) ?? { n: 0, s1: 0, s2: 0 };
    inLocale.set(a.summary, same);
    same.n += 1;
    if (score !== null) {
      same.s1 += 1;
      same.s2 += score;
    }
  }
  const rows: Row[] = [];
  for (const e of byActivity.values()) {
    if (e.form.n > 0) rows.push({ kind: "form", lesson_id: e.lesson_id, v: e.v, loc: null, question_id: null, chosen: null, correct: null, ...e.form });
    for (const [loc, summaries] of e.summaries) {
      const choices = new Map<string, Row & Sums>();
      for (const [summary, t] of summaries) {
        for (const record of summaryRecords(summary)) {
          const seen = choices.get(record);
          if (seen) {
            seen.n += t.n;
            seen.s1 += t.s1;
            seen.s2 += t.s2;
            continue;
          }
          const answer = decodeAnswerRecord(record);
          choices.set(record, { kind: "choice", lesson_id: e.lesson_id, v: e.v, loc, question_id: answer.question_id, chosen: answer.chosen, correct: answer.correct, ...t });
        }
      }
      rows.push(...choices.values());
    }
  }
  return rows;
}

/** Points of one stored answer (a pure function of the choice); its correct flag if it no longer grades. */
function pointsOf(question: Quiz["questions"][number], chosen: string, correct: boolean): number {
  try {
    return gradeAnswer(question, JSON.parse(chosen) as string[]).points;
  } catch {
    return correct ? 1 : 0;
  }
}

/**
 * Hardest first, where that is known: items with enough answers by share correct (ties: more
 * answers first), then the ones with too few answers by number of answers, so one answer at 0 %
 * never tops the list.
 */
export function rankItems(items: ItemAnalysisRow[]): ItemAnalysisRow[] {
  return [...items].sort((a, b) => {
    if ((a.percentCorrect === null) !== (b.percentCorrect === null)) return a.percentCorrect === null ? 1 : -1;
    return (a.percentCorrect ?? 0) - (b.percentCorrect ?? 0) || b.answers - a.answers || a.activityId.localeCompare(b.activityId) || a.questionId.localeCompare(b.questionId);
  });
}
