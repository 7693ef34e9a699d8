// Answers and attempts on both engines: idempotent answers, ownership, grading on the server,
// content versions, finishing an attempt, and how the dashboard reads them.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { exportMyData } from "@/lib/account/export";
import { getQuiz } from "@/lib/content";
import { testEngines } from "@/lib/testing/db";
import { finishAttempt, recordAnswer } from "./answers";
import { getDashboard } from "./queries";

import { answer, countRows, course, lessonRef, PASSWORD, quiz } from "@/lib/testing/progress-fixture";

process.env.LOG_SILENT = "1";


describe.each(testEngines())("answers and attempts on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let alice: SessionUser;
  let bob: SessionUser;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    alice = await createAccount(handle, { email: `alice-${engine.name}@example.org`, displayName: "Alice", password: PASSWORD });
    bob = await createAccount(handle, { email: `bob-${engine.name}@example.org`, displayName: "Bob", password: PASSWORD });
  });
  afterAll(async () => cleanup());

  it("stores the same answer sent twice (and five times at once) as one row", async () => {
    const attemptId = crypto.randomUUID();
    const a = answer(attemptId, 0);
    const first = await recordAnswer(handle, alice, a);
    const again = await recordAnswer(handle, alice, a);
    expect(again).toEqual(first);
    await Promise.all(Array.from({ length: 5 }, () => recordAnswer(handle, alice, answer(attemptId, 1)).catch((e) => e)));
    const b = answer(attemptId, 2);
    await Promise.all(Array.from({ length: 5 }, () => recordAnswer(handle, alice, b)));
    // The first answers of a new attempt arriving together create one attempt.
    const fresh = crypto.randomUUID();
    const c = answer(fresh, 0);
    await Promise.all(Array.from({ length: 4 }, () => recordAnswer(handle, alice, c)));
    expect(await handle.db.selectFrom("quiz_responses").select("id").where("attempt_id", "=", fresh).execute()).toHaveLength(1);
    const rows = await handle.db.selectFrom("quiz_responses").select(["question_id"]).where("attempt_id", "=", attemptId).execute();
    expect(rows.map((r) => r.question_id).sort()).toEqual([quiz.questions[0].id, quiz.questions[1].id, quiz.questions[2].id].sort());
  });

  it("never acknowledges a rival answer it did not store (different ids, same question, at once)", async () => {
    for (let round = 0; round < 10; round++) {
      const attemptId = crypto.randomUUID();
      await recordAnswer(handle, alice, answer(attemptId, 0));
      const rivals = Array.from({ length: 6 }, () => answer(attemptId, 1));
      const outcomes = await Promise.allSettled(rivals.map((r) => recordAnswer(handle, alice, r)));
      const acknowledged = rivals.filter((_, i) => outcomes[i].status === "fulfilled").map((r) => r.id);
      for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "conflict" });
      const stored = await handle.db.selectFrom("quiz_responses").select("id").where("attempt_id", "=", attemptId).where("question_id", "=", quiz.questions[1].id).execute();
      expect(stored).toHaveLength(1);
      expect(acknowledged).toEqual([stored[0].id]);
    }
  });

  it("grades on the server, not from what the client claims", async () => {
    const wrong = await recordAnswer(handle, alice, answer(crypto.randomUUID(), 0, false));
    expect(wrong.verdict).toBe("incorrect");
    expect(wrong.points).toBe(0);
  });

  it("records on each attempt the content version of the quiz it was taken on", async () => {
    const attemptId = crypto.randomUUID();
    await recordAnswer(handle, alice, answer(attemptId, 0));
    await recordAnswer(handle, alice, answer(attemptId, 1));
    const row = await handle.db.selectFrom("quiz_attempts").select("content_version").where("id", "=", attemptId).executeTakeFirstOrThrow();
    expect(quiz.version).toMatch(/^[0-9a-f]{16}$/);
    expect(row.content_version).toBe(quiz.version);
    const exported = await exportMyData(handle, alice);
    expect(exported.quizAttempts.find((a) => a.id === attemptId)?.content_version).toBe(quiz.version);
  });

  it("refuses another learner's attempt id and writes nothing", async () => {
    const attemptId = crypto.randomUUID();
    await recordAnswer(handle, alice, answer(attemptId, 0));
    const before = await countRows(handle, "quiz_responses", bob.id);
    await expect(recordAnswer(handle, bob, answer(attemptId, 1))).rejects.toMatchObject({ code: "not_found" });
    await expect(finishAttempt(handle, bob, attemptId, "en")).rejects.toMatchObject({ code: "not_found" });
    expect(await countRows(handle, "quiz_responses", bob.id)).toBe(before);
    const attempt = await handle.db.selectFrom("quiz_attempts").select(["finished_at"]).where("id", "=", attemptId).executeTakeFirstOrThrow();
    expect(attempt.finished_at).toBeNull();
  });

  it("leaves no attempt behind when it refuses a first answer (an answer id used before)", async () => {
    const first = answer(crypto.randomUUID(), 0);
    await recordAnswer(handle, alice, first);
    const attempts = await countRows(handle, "quiz_attempts", alice.id);
    const otherAttempt = crypto.randomUUID();
    await expect(recordAnswer(handle, alice, { ...answer(otherAttempt, 1), id: first.id })).rejects.toMatchObject({ code: "conflict" });
    expect(await countRows(handle, "quiz_attempts", alice.id)).toBe(attempts);
    expect(await handle.db.selectFrom("quiz_attempts").select("id").where("id", "=", otherAttempt).executeTakeFirst()).toBeUndefined();
  });

  it("rejects a choice that is not an option", async () => {
    await expect(recordAnswer(handle, alice, { ...answer(crypto.randomUUID(), 0), chosen: ["zz"] })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("finishes an attempt once: score over all questions, lesson done, best kept", async () => {
    const attemptId = crypto.randomUUID();
    for (let i = 0; i < quiz.questions.length - 1; i++) await recordAnswer(handle, bob, answer(attemptId, i));
    const result = await finishAttempt(handle, bob, attemptId, "en");
    const expected = Math.floor(((quiz.questions.length - 1) / quiz.questions.length) * 100);
    expect(result).toMatchObject({ percent: expected, bestPercent: expected });
    expect(await finishAttempt(handle, bob, attemptId, "en")).toEqual(result);
    await expect(recordAnswer(handle, bob, answer(attemptId, quiz.questions.length - 1))).rejects.toMatchObject({ code: "conflict" });

    const view = await getDashboard(handle, bob, "en");
    const lesson = view.courses[0].modules[0].lessons[0];
    expect(lesson).toMatchObject({ bestPercent: expected, latestPercent: expected, attempts: 1 });
    expect(lesson.completedAt).not.toBeNull();
    expect(view.courses[0].modules[0].done).toBe(1);
    const answered = view.mastery.reduce((n, m) => n + m.questions, 0);
    expect(answered).toBe(quiz.questions.length - 1);
  });

  it("shows a check's first attempt, the one that counts, and a lesson's latest", async () => {
    const dana = await createAccount(handle, { email: `dana-${engine.name}@example.org`, displayName: "Dana", password: PASSWORD });
    const attempt = (lessonId: string, quizId: string, minute: number, score: number) => ({
      id: crypto.randomUUID(), user_id: dana.id, course_id: course.id, lesson_id: lessonId, quiz_id: quizId,
      started_at: `2026-01-01T10:0${minute}:00.000Z`, finished_at: `2026-01-01T10:0${minute}:30.000Z`, score, source: "app", content_version: null,
    });
    // Two starting checks (say, two devices racing before retakes were refused) and two quiz attempts.
    await handle.db.insertInto("quiz_attempts").values([
      attempt("assessment-pre", "form-a", 1, 0.4), attempt("assessment-pre", "form-a", 2, 0.9),
      attempt(lessonRef.id, quiz.id, 3, 0.5), attempt(lessonRef.id, quiz.id, 4, 0.6),
    ]).execute();
    const view = await getDashboard(handle, dana, "en");
    const mine = view.courses.find((c) => c.id === course.id)!;
    expect(mine.assessments?.pre).toMatchObject({ latestPercent: 40, bestPercent: 90, at: "2026-01-01T10:01:30.000Z" });
    expect(mine.modules[0].lessons.find((l) => l.id === lessonRef.id)).toMatchObject({ latestPercent: 60, bestPercent: 60 });
  });

  it("marks the optional module, and sends practice where the learner has most still to win", async () => {
    const erin = await createAccount(handle, { email: `erin-${engine.name}@example.org`, displayName: "Erin", password: PASSWORD });
    const before = (await getDashboard(handle, erin, "en")).courses.find((c) => c.id === course.id)!;
    // The self-paced track lists "Leading a session" after the final check, as optional.
    expect(before.modules.map((m) => m.core)).toEqual(course.modules.map((m) => m.id !== "leading-a-session"));
    const target = before.practice.find((p) => p.skill === "recognising")!;
    const targetQuiz = getQuiz("en", course.id, course.modules.flatMap((m) => m.lessons).find((l) => l.id === target.lessonId)!.quizId!)!;
    expect(target.title).toBeTruthy();

    // Every question of that quiz right: the quiz has nothing left to win, so practice moves on.
    const attemptId = crypto.randomUUID();
    const at = "2026-02-01T10:00:00.000Z";
    await handle.db.insertInto("quiz_attempts").values({
      id: attemptId, user_id: erin.id, course_id: course.id, lesson_id: target.lessonId, quiz_id: targetQuiz.id,
      started_at: at, finished_at: at, score: 1, source: "app", content_version: null,
    }).execute();
    await handle.db.insertInto("quiz_responses").values(targetQuiz.questions.map((q) => ({
      id: crypto.randomUUID(), attempt_id: attemptId, user_id: erin.id, question_id: q.id, skill: q.skill, chosen: JSON.stringify(q.correct), points: 1, correct: 1, answered_at: at,
    }))).execute();
    const after = (await getDashboard(handle, erin, "en")).courses.find((c) => c.id === course.id)!;
    expect(after.practice.find((p) => p.skill === "recognising")!.lessonId).not.toBe(target.lessonId);
    // Never a lesson of the optional module.
    const optional = new Set(course.modules.find((m) => m.id === "leading-a-session")!.lessons.map((l) => l.id));
    expect(after.practice.filter((p) => optional.has(p.lessonId))).toEqual([]);
    expect(after.practice.map((p) => p.skill)).toEqual(["recognising", "responding", "resilience"]);
  });
});
