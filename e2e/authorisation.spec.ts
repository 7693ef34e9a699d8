// A learner can never read or write another learner's progress: every route is tried with the
// other learner's ids, and anonymously.
import crypto from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { content, expect, newLearner, signInApi, signUpApi, test } from "./fixtures";

const lesson = content.lessons[0];
const quiz = content.quizFor(lesson.id)!;
const ref = { locale: "en", courseId: content.course.id, lessonId: lesson.id };

async function learnerContext(baseURL: string, name: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const learner = newLearner(name);
  await signUpApi(ctx, learner);
  await signInApi(ctx, learner);
  return ctx;
}

test("another learner's ids get nothing and change nothing", async ({ baseURL }) => {
  const alice = await learnerContext(baseURL!, "Alice");
  const bob = await learnerContext(baseURL!, "Bob");
  const attemptId = crypto.randomUUID();
  const q = quiz.questions[0];
  const answerId = crypto.randomUUID();
  const answer = { id: answerId, attemptId, ...ref, questionId: q.id, chosen: q.correct };
  expect((await alice.post("/api/progress/answers", { data: answer })).status()).toBe(200);

  // Bob reuses Alice's attempt id for a new answer, replays her answer id, and finishes her attempt.
  const q2 = quiz.questions[1];
  const theft = await bob.post("/api/progress/answers", { data: { id: crypto.randomUUID(), attemptId, ...ref, questionId: q2.id, chosen: q2.correct } });
  expect(theft.status()).toBe(404);
  expect((await bob.post("/api/progress/answers", { data: answer })).status()).toBe(404);
  expect((await bob.post("/api/progress/attempts/finish", { data: { attemptId, locale: "en" } })).status()).toBe(404);

  // Alice's record is as she left it: one answer, attempt not finished, nothing of Bob's.
  const aliceData = await (await alice.get("/api/account/export")).json();
  expect(aliceData.quizResponses).toHaveLength(1);
  expect(aliceData.quizAttempts[0].finished_at).toBeNull();

  // Bob's reads show only Bob.
  const bobData = await (await bob.get("/api/account/export")).json();
  expect(bobData.quizResponses).toEqual([]);
  expect(bobData.quizAttempts).toEqual([]);
  expect(JSON.stringify(bobData)).not.toContain(attemptId);
  const bobView = await (await bob.get("/api/progress?locale=en")).json();
  expect(bobView.mastery.every((m: { questions: number }) => m.questions === 0)).toBe(true);

  // Deleting needs Bob's own password and deletes only Bob.
  expect((await bob.delete("/api/account", { data: { password: "river lamp orchard 7 not" } })).status()).toBe(403);
  expect((await alice.get("/api/progress?locale=en")).status()).toBe(200);
  await alice.dispose();
  await bob.dispose();
});

test("every progress and account route refuses an anonymous caller", async ({ baseURL }) => {
  const anon = await playwrightRequest.newContext({ baseURL });
  const calls: [string, string, unknown?][] = [
    ["GET", "/api/progress?locale=en"],
    ["GET", "/api/account/export"],
    ["POST", "/api/account/sign-out-everywhere", {}],
    ["DELETE", "/api/account", { password: "x" }],
    ["POST", "/api/progress/lessons", ref],
    ["DELETE", "/api/progress/lessons", ref],
    ["POST", "/api/progress/answers", { id: crypto.randomUUID(), attemptId: crypto.randomUUID(), ...ref, questionId: quiz.questions[0].id, chosen: quiz.questions[0].correct }],
    ["POST", "/api/progress/attempts/finish", { attemptId: crypto.randomUUID(), locale: "en" }],
    ["POST", "/api/progress/merge", { lessons: {} }],
  ];
  for (const [method, url, data] of calls) {
    const res = await anon.fetch(url, { method, data });
    expect(res.status(), `${method} ${url}`).toBe(401);
    expect(await res.json()).toEqual({ error: "Sign in to continue.", code: "auth.signIn" });
  }
  await anon.dispose();
});

test("bad input gets a clear 400, not a 500", async ({ baseURL }) => {
  const learner = await learnerContext(baseURL!, "Casey");
  const cases: [string, unknown, RegExp][] = [
    ["/api/progress/answers", { nonsense: true }, /id/],
    ["/api/progress/answers", { id: "not-a-uuid", attemptId: crypto.randomUUID(), ...ref, questionId: "q1", chosen: ["a"] }, /id/],
    ["/api/progress/answers", { id: crypto.randomUUID(), attemptId: crypto.randomUUID(), ...ref, questionId: quiz.questions[0].id, chosen: ["zz"] }, /\(quiz\.invalidAnswer\)$/],
    ["/api/progress/lessons", { ...ref, lessonId: "no-such-lesson" }, /does not exist\. \(content\.unknownLesson\)$/],
    ["/api/progress/merge", { lessons: { "../../etc": { doneAt: "x" } } }, /^lessons/],
  ];
  for (const [url, data, message] of cases) {
    const res = await learner.post(url, { data });
    expect(res.status(), url).toBe(url.endsWith("lessons") && JSON.stringify(data).includes("no-such") ? 404 : 400);
    // The body names the field, says what is wrong in the page's language, and gives its code.
    const body = (await res.json()) as { error: string; code: string; field?: string };
    expect(`${body.field ? `${body.field}: ` : ""}${body.error} (${body.code})`, url).toMatch(message);
  }
  const notJson = await learner.post("/api/progress/answers", { headers: { "Content-Type": "application/json" }, data: "{oops" });
  expect(notJson.status()).toBe(400);
  await learner.dispose();
});
