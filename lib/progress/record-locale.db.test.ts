// Every answer, attempt and lesson completion records the locale it was given in (issue #25), on
// both engines: migration 0017 gives the rows from before 'en'; each write path names its locale
// (an answer and its attempt, a finished attempt's completion, a lesson marked done, a guest's
// merged progress, a live session's answers). The reports by locale: lib/cohorts/locale-reports.db.test.ts.
import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { createCohort, joinCohort } from "@/lib/cohorts/mutations";
import { LOCALE_TABLES, migration0017 } from "@/lib/db/migrations/0017-record-locale";
import { UNKNOWN_CLIENT } from "@/lib/ratelimit/client";
import { testEngines } from "@/lib/testing/db";
import { addContentCopy } from "@/lib/testing/second-locale";
import { course, lessonRef, PASSWORD, quiz } from "@/lib/testing/progress-fixture";
import { hubFor } from "@/lib/live/hub";
import { controlLiveSession, createLiveSession, joinLiveSession, submitLiveAnswer } from "@/lib/live/store";
import { finishAttempt, recordAnswer } from "./answers";
import { completeLesson } from "./completions";
import { mergeGuestProgress } from "./guest-merge";
import { answerInput } from "./inputs";

process.env.LOG_SILENT = "1";

// The app as it will be with a second language: content/locales.json in its new format, and the
// English content copied under "fr" (the words do not matter here, only what is recorded).
vi.mock("@/content/locales.json", () => ({
  default: { defaultLocale: "en", locales: [{ code: "en", name: "English", dir: "ltr" }, { code: "fr", name: "Français", dir: "ltr" }] },
}));
addContentCopy("fr");

const single = quiz.questions.find((q) => q.type === "single" && !quiz.biasPairs?.some((p) => p.versions.includes(q.id)))!;
const answerIn = (locale: string, attemptId: string, question = single, chosen = question.correct) => ({
  id: crypto.randomUUID(),
  attemptId,
  locale,
  courseId: course.id,
  lessonId: lessonRef.id,
  questionId: question.id,
  chosen,
});
const localeOf = async (handle: Db, table: (typeof LOCALE_TABLES)[number], userId: string) =>
  (await handle.db.selectFrom(table).select("locale").where("user_id", "=", userId).execute()).map((r) => r.locale).sort();

describe.each(testEngines())("migration 0017 (record the locale) on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
  });
  afterAll(async () => cleanup());

  it("gives every row from before 'en', and takes a row in another locale after", async () => {
    const ada = await createAccount(handle, { email: `m17-${engine.name}@example.org`, displayName: "Ada", password: PASSWORD });
    // The schema as it was before 0017: no locale columns.
    for (const table of LOCALE_TABLES) await sql`alter table ${sql.table(table)} drop column locale`.execute(handle.db);
    const attemptId = crypto.randomUUID();
    await sql`insert into quiz_attempts (id, user_id, course_id, lesson_id, quiz_id, started_at, finished_at, score, source) values (${attemptId}, ${ada.id}, ${course.id}, ${lessonRef.id}, ${quiz.id}, '2026-01-05T10:00:00.000Z', null, null, 'app')`.execute(handle.db);
    await sql`insert into quiz_responses (id, attempt_id, user_id, question_id, skill, chosen, points, correct, answered_at) values (${crypto.randomUUID()}, ${attemptId}, ${ada.id}, ${single.id}, ${single.skill}, '[]', 0, 0, '2026-01-05T10:00:00.000Z')`.execute(handle.db);
    await sql`insert into lesson_completions (user_id, course_id, lesson_id, completed_at) values (${ada.id}, ${course.id}, ${lessonRef.id}, '2026-01-05T10:00:00.000Z')`.execute(handle.db);

    await migration0017(engine.name).up(handle.db);
    for (const table of LOCALE_TABLES) expect(await localeOf(handle, table, ada.id)).toEqual(["en"]);

    await handle.db.insertInto("lesson_completions").values({ user_id: ada.id, course_id: course.id, lesson_id: "another-lesson", completed_at: "2026-01-06T10:00:00.000Z", locale: "fr" }).execute();
    expect(await localeOf(handle, "lesson_completions", ada.id)).toEqual(["en", "fr"]);
    // The column refuses to be empty (NOT NULL): a write names a locale or takes the default.
    await expect(sql`update lesson_completions set locale = null where user_id = ${ada.id}`.execute(handle.db)).rejects.toThrow();
  });
});

describe.each(testEngines())("the locale of each write on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  const account = (name: string, role: "learner" | "facilitator" = "learner") =>
    createAccount(handle, { email: `${name}-${engine.name}@example.org`, displayName: name, password: PASSWORD, role });

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await account("lead", "facilitator");
  });
  afterAll(async () => {
    await hubFor(handle).close();
    await cleanup();
  });

  it("refuses an answer or a finished attempt in a locale the app does not serve", () => {
    const ok = answerIn("fr", crypto.randomUUID());
    expect(answerInput.safeParse(ok).success).toBe(true);
    for (const locale of ["de", "xx", "", "EN", "../en"]) expect(answerInput.safeParse({ ...ok, locale }).success).toBe(false);
  });

  it("records the page's locale on the answer, its attempt (first and later answers) and the lesson it completes", async () => {
    const bea = await account("bea");
    const attemptId = crypto.randomUUID();
    // The first answer creates the attempt (in a transaction); the second takes the one-statement path.
    await recordAnswer(handle, bea, answerIn("fr", attemptId));
    const other = quiz.questions.find((q) => q.id !== single.id && !quiz.biasPairs?.some((p) => p.versions.includes(q.id)))!;
    await recordAnswer(handle, bea, answerIn("fr", attemptId, other, other.correct));
    await finishAttempt(handle, bea, attemptId, "fr");
    expect(await localeOf(handle, "quiz_attempts", bea.id)).toEqual(["fr"]);
    expect(await localeOf(handle, "quiz_responses", bea.id)).toEqual(["fr", "fr"]);
    expect(await localeOf(handle, "lesson_completions", bea.id)).toEqual(["fr"]);
  });

  it("records a lesson marked done in the locale it was marked in", async () => {
    const cal = await account("cal");
    await completeLesson(handle, cal, { locale: "fr", courseId: course.id, lessonId: lessonRef.id });
    expect(await localeOf(handle, "lesson_completions", cal.id)).toEqual(["fr"]);
  });

  it("merges a guest's progress in the locale of each browser key, and skips a locale the app does not serve", async () => {
    const dee = await account("dee");
    const second = course.modules[0].lessons[1].id;
    const merged = await mergeGuestProgress(handle, dee, {
      lessons: {
        [`fr/${course.id}/${lessonRef.id}`]: { doneAt: "2026-11-01T10:00:00.000Z", bestPercent: 80 },
        [`en/${course.id}/${second}`]: { doneAt: "2026-11-02T10:00:00.000Z" },
        [`de/${course.id}/${course.modules[0].lessons[2].id}`]: { doneAt: "2026-11-02T10:00:00.000Z" },
      },
    });
    expect(merged).toEqual({ lessons: 2, scores: 1, skipped: 1 });
    expect(await localeOf(handle, "lesson_completions", dee.id)).toEqual(["en", "fr"]);
    expect(await localeOf(handle, "quiz_attempts", dee.id)).toEqual(["fr"]);
  });

  it("records a live session's answers in the session's locale (its group's)", async () => {
    const eve = await account("eve");
    const group = await createCohort(handle, lead, { name: "Salle", kind: "workshop", locale: "fr", trackId: "workshop", coFacilitatorEmails: [] });
    await joinCohort(handle, eve, group.joinCode);
    const live = await createLiveSession(handle, lead, { cohortId: group.id, trackId: "workshop" });
    await joinLiveSession(handle, { user: eve }, { code: live.code }, UNKNOWN_CLIENT);
    await controlLiveSession(handle, lead, live.id, { type: "add", step: { kind: "question", lesson: lessonRef.id, question: single.id } });
    await submitLiveAnswer(handle, { user: eve }, live.id, { id: crypto.randomUUID(), round: `question:${lessonRef.id}/question/${single.id}`, chosen: single.correct });
    expect(await localeOf(handle, "quiz_responses", eve.id)).toEqual(["fr"]);
    expect(await localeOf(handle, "quiz_attempts", eve.id)).toEqual(["fr"]);
  });
});
