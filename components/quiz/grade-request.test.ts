// Where an answer of a server-graded quiz is sent, and what happens when that fails.
import { describe, expect, it } from "vitest";
import { sendForGrading, type AnswerBody } from "./grade-request";

const body: AnswerBody = { id: "a1", attemptId: "t1", locale: "en", courseId: "c", lessonId: "assessment-pre", questionId: "q1", chosen: ["b"], form: "b" };
const graded = { questionId: "q1", verdict: "correct", points: 1, feedback: [], explanation: "Why.", reveal: { correct: ["b"] } };

/** A fake fetch: answers each URL with a status (0 = offline) and records what was sent. */
function fakeFetch(statuses: Partial<Record<string, number>>) {
  const calls: { url: string; body: unknown }[] = [];
  const fetcher = async (url: string, init: { body: string }) => {
    calls.push({ url, body: JSON.parse(init.body) });
    const status = statuses[url] ?? 404;
    if (status === 0) throw new TypeError("Failed to fetch");
    return { ok: status < 300, status, json: async () => (status < 300 ? graded : { error: "no" }) };
  };
  return { calls, fetcher };
}

describe("sendForGrading", () => {
  it.each([
    { name: "signed in: stored and graded", signedIn: true, statuses: { "/api/progress/answers": 200 }, urls: ["/api/progress/answers"], result: graded },
    { name: "guest: graded only", signedIn: false, statuses: { "/api/quiz/grade": 200 }, urls: ["/api/quiz/grade"], result: graded },
    { name: "session ended: graded as a guest", signedIn: true, statuses: { "/api/progress/answers": 401, "/api/quiz/grade": 200 }, urls: ["/api/progress/answers", "/api/quiz/grade"], result: graded },
    { name: "signed in and offline: nothing, no guest fallback", signedIn: true, statuses: { "/api/progress/answers": 0, "/api/quiz/grade": 200 }, urls: ["/api/progress/answers"], result: null },
    { name: "signed in and refused (409): refused, no guest fallback", signedIn: true, statuses: { "/api/progress/answers": 409, "/api/quiz/grade": 200 }, urls: ["/api/progress/answers"], result: "refused" },
    { name: "signed in and failing (500): nothing", signedIn: true, statuses: { "/api/progress/answers": 500, "/api/quiz/grade": 200 }, urls: ["/api/progress/answers"], result: null },
    { name: "guest and offline: nothing", signedIn: false, statuses: { "/api/quiz/grade": 0 }, urls: ["/api/quiz/grade"], result: null },
  ])("$name", async ({ signedIn, statuses, urls, result }) => {
    const { calls, fetcher } = fakeFetch(statuses);
    expect(await sendForGrading(body, signedIn, fetcher)).toEqual(result);
    expect(calls.map((c) => c.url)).toEqual(urls);
  });

  it("sends the ids only to the route that stores the answer, and the form only to the guest route", async () => {
    const { calls, fetcher } = fakeFetch({ "/api/progress/answers": 401, "/api/quiz/grade": 200 });
    await sendForGrading(body, true, fetcher);
    expect(calls[0].body).toEqual({ id: "a1", attemptId: "t1", locale: "en", courseId: "c", lessonId: "assessment-pre", questionId: "q1", chosen: ["b"] });
    expect(calls[1].body).toEqual({ locale: "en", courseId: "c", lessonId: "assessment-pre", questionId: "q1", chosen: ["b"], form: "b" });
  });

  it("names no form for a booster", async () => {
    const { calls, fetcher } = fakeFetch({ "/api/quiz/grade": 200 });
    const { form: _, ...booster } = { ...body, lessonId: "booster-week-1" };
    await sendForGrading(booster, false, fetcher);
    expect(calls[0].body).not.toHaveProperty("form");
  });
});
