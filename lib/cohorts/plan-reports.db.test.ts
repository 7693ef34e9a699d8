// A group's reports follow its plan, on both engines: a workshop group's grid, item analysis and
// CSV hold the workshop's lessons only (not module 6, which its learners may still take on their
// own), a self-paced group's every lesson; the CSV gives each learner's first starting and final
// check with when they finished it; the room view's progress holds no name.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getCourses, getForms, getQuiz } from "@/lib/content";
import { finishAttempt, recordAnswer } from "@/lib/progress/answers";
import { testEngines } from "@/lib/testing/db";
import { shownQuestions } from "@/lib/testing/pairs";
import { createCohort, joinCohort, joinWithNickname } from "./mutations";
import { planLessons } from "./plan";
import { itemAnalysis, rosterGrid, roomProgress } from "./reports";
import { cohortCsv } from "./queries";

const PASSWORD = "river lamp orchard";
const course = getCourses("en")[0];
const lessons = course.modules.flatMap((m) => m.lessons);
const inWorkshop = lessons[0];
const moduleSix = course.modules.find((m) => m.id === "leading-a-session")!.lessons.find((l) => l.quizId)!;
const workshopIds = planLessons("en", course.id, "workshop").map((l) => l.id);
/** A course lesson with a quiz that the workshop's 90 minutes leave out (not module 6). */
const leftOut = lessons.find((l) => l.quizId && !workshopIds.includes(l.id) && !course.modules.find((m) => m.id === "leading-a-session")!.lessons.includes(l));

/** Takes a lesson's quiz, every answer right, through the data layer (it marks the lesson done). */
async function takeQuiz(handle: Db, user: SessionUser, lessonId: string, quizId: string) {
  const quiz = getQuiz("en", course.id, quizId)!;
  const attemptId = crypto.randomUUID();
  for (const q of await shownQuestions(handle, user, "en", course.id, lessonId, quiz.questions)) {
    await recordAnswer(handle, user, { id: crypto.randomUUID(), attemptId, locale: "en", courseId: course.id, lessonId, questionId: q.id, chosen: q.correct });
  }
  await finishAttempt(handle, user, attemptId, "en");
}

describe.each(testEngines())("reports follow the group's plan on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let learner: SessionUser;
  let workshop: string;
  let selfPaced: string;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: "plan-lead@example.org", displayName: "Lead", password: PASSWORD, role: "facilitator" });
    learner = await createAccount(handle, { email: "plan-learner@example.org", displayName: "Ada Plan", password: PASSWORD });
    const w = await createCohort(handle, lead, { name: "Hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    const s = await createCohort(handle, lead, { name: "On my own", kind: "workshop", locale: "en", trackId: "self-paced", coFacilitatorEmails: [] });
    workshop = w.id;
    selfPaced = s.id;
    await joinCohort(handle, learner, w.joinCode);
    await joinCohort(handle, learner, s.joinCode);
    // The same learner in both groups took a workshop lesson and a module 6 lesson on their own.
    await takeQuiz(handle, learner, inWorkshop.id, inWorkshop.quizId!);
    await takeQuiz(handle, learner, moduleSix.id, moduleSix.quizId!);
    if (leftOut) await takeQuiz(handle, learner, leftOut.id, leftOut.quizId!);
  });
  afterAll(async () => cleanup());

  it("the workshop group's grid has the workshop's lessons as columns, numbered as in the course", async () => {
    const grid = await rosterGrid(handle, lead, workshop);
    expect(grid.lessons.map((l) => l.id)).toEqual(workshopIds);
    expect(grid.lessons.map((l) => l.id)).not.toContain(moduleSix.id);
    expect(grid.modules.map((m) => m.number)).not.toContain(6);
    expect(grid.lessons[0]).toMatchObject({ id: inWorkshop.id, number: "1.1", completed: 1 });
    const ada = grid.learners.find((l) => l.name === "Ada Plan")!;
    // Lessons done counts the plan's lessons only.
    expect(ada.done).toBe(1);
    expect(Object.keys(ada.cells)).toEqual([inWorkshop.id]);
    expect(ada.cells[inWorkshop.id]).toEqual({ done: true, bestPercent: 100 });
  });

  it("the self-paced group's grid has every lesson, module 6 included", async () => {
    const grid = await rosterGrid(handle, lead, selfPaced);
    expect(grid.lessons.map((l) => l.id)).toEqual(lessons.map((l) => l.id));
    const ada = grid.learners.find((l) => l.name === "Ada Plan")!;
    expect(ada.done).toBe(leftOut ? 3 : 2);
    expect(ada.cells[moduleSix.id]).toEqual({ done: true, bestPercent: 100 });
  });

  it("the workshop group's item analysis leaves out other lessons' questions, without calling them older", async () => {
    const view = await itemAnalysis(handle, lead, workshop);
    const activities = new Set(view.items.map((i) => i.activityId));
    expect(activities).toEqual(new Set([inWorkshop.id]));
    expect(view.forms.map((f) => f.activityId)).toEqual([inWorkshop.id]);
    expect(view.olderAttempts).toBe(0);
    const all = await itemAnalysis(handle, lead, selfPaced);
    expect(new Set(all.items.map((i) => i.activityId))).toContain(moduleSix.id);
  });

  it("the CSV has the plan's lessons and each learner's first starting and final check with its time", async () => {
    const forms = getForms("en", course.id);
    const insert = (user: SessionUser, slot: "pre" | "post", at: string, score: number, id = crypto.randomUUID()) =>
      handle.db
        .insertInto("quiz_attempts")
        .values({ id, user_id: user.id, course_id: course.id, lesson_id: `assessment-${slot}`, quiz_id: forms.a!.id, started_at: at, finished_at: at, score, source: "app", content_version: forms.a!.version ?? null })
        .execute();
    // The first finished attempt counts, as on the learner's dashboard, not a later better one.
    await insert(learner, "pre", "2026-02-03T09:15:30.000Z", 0.4);
    await insert(learner, "pre", "2026-02-04T09:15:30.000Z", 0.9);
    await insert(learner, "post", "2026-02-03T10:45:00.000Z", 0.733333);
    // An unfinished check is no score at all; begun in French, it adds a language to the learner's list.
    await handle.db
      .insertInto("quiz_attempts")
      .values({ id: crypto.randomUUID(), user_id: learner.id, course_id: course.id, lesson_id: "assessment-post", quiz_id: forms.a!.id, started_at: "2026-02-01T08:00:00.000Z", finished_at: null, score: null, source: "app", content_version: null, locale: "fr" })
      .execute();
    const nick = await joinWithNickname(handle, { code: (await handle.db.selectFrom("cohorts").select("join_code").where("id", "=", workshop).executeTakeFirstOrThrow()).join_code, nickname: "Kite" });

    const { csv } = await cohortCsv(handle, lead, workshop);
    const rows = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    const header = rows[0];
    expect(header).toContain(`"1.1 ${inWorkshop.title} (best %)"`);
    expect(header).not.toContain(moduleSix.title);
    expect(header.endsWith('"Starting check (%)","Starting check finished (UTC)","Final check (%)","Final check finished (UTC)","Languages (locale codes)"')).toBe(true);
    expect(header.split('","')).toHaveLength(3 + workshopIds.length + 5);
    const ada = rows.find((r) => r.startsWith('"Ada Plan"'))!;
    expect(ada.endsWith('"40","2026-02-03 09:15","73","2026-02-03 10:45","en fr"')).toBe(true);
    const kite = rows.find((r) => r.startsWith('"Kite"'))!;
    expect(kite.endsWith('"","","","",""')).toBe(true);
    expect(nick.userId).toBeTruthy();
  });

  it("the CSV is written in the language asked for: French and Arabic headers and words", async () => {
    const lines = async (locale: string) => (await cohortCsv(handle, lead, workshop, locale)).csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    const [fr, ...frRows] = await lines("fr");
    expect(fr.startsWith('"Participant","Pseudo seulement","Leçons terminées"')).toBe(true);
    expect(fr).toContain(`"1.1 ${inWorkshop.title} (meilleur score, %)"`);
    expect(fr.endsWith('"Bilan de départ (%)","Fin du bilan de départ (UTC)","Bilan final (%)","Fin du bilan final (UTC)","Langues (codes de langue)"')).toBe(true);
    expect(frRows.find((r) => r.startsWith('"Ada Plan"'))).toMatch(/^"Ada Plan","non","1",/);
    expect(frRows.find((r) => r.startsWith('"Kite"'))).toMatch(/^"Kite","oui",/);
    const [ar, ...arRows] = await lines("ar");
    expect(ar.startsWith('"المشارك","اسم مستعار فقط","الدروس المُنجزة"')).toBe(true);
    // No bidi isolates around the number and title: the CSV would turn them into U+FFFD (lib/cohorts/csv.ts).
    expect(ar).toContain(`"1.1 ${inWorkshop.title} (أفضل نتيجة ٪)"`);
    expect(ar).not.toContain("\uFFFD");
    expect(ar).toContain('"التقييم القبلي (٪)","وقت إنهاء التقييم القبلي (UTC)"');
    expect(arRows.find((r) => r.startsWith('"Ada Plan"'))).toMatch(/^"Ada Plan","لا","1",/);
    // No English header word is left in either; a language the app lacks is written in English.
    for (const header of [fr, ar]) for (const word of ["Learner", "Nickname", "Lessons done", "best %", "Starting check", "Final check"]) expect(header).not.toContain(word);
    expect((await lines("xx"))[0].startsWith('"Learner","Nickname only","Lessons done"')).toBe(true);
  });

  it("the room view's progress counts per lesson and holds no name", async () => {
    const room = await roomProgress(handle, lead, workshop);
    expect(room.lessons.map((l) => l.id)).toEqual(workshopIds);
    expect(room.lessons[0]).toMatchObject({ completed: 1, scored: 1, bands: null });
    const json = JSON.stringify(room);
    for (const secret of ["Ada Plan", "Kite", learner.id, "Hall"]) expect(json).not.toContain(secret);
    await expect(roomProgress(handle, learner, workshop)).rejects.toMatchObject({ code: "not_found" });
  });
});
