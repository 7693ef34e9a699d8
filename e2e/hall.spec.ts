// The hall (issue #26): phones reach the app at the laptop's LAN address over plain http, and a
// group's records from a hall laptop are imported into the same group here, once, through the
// group page. Data-layer cases (both engines) are in lib/hall/hall-transfer.db.test.ts.
import crypto from "node:crypto";
import http from "node:http";
import { content, expect, expectAccessibleInBothThemes, facilitatorWithGroup, newLearner, signInApi, signUpHeaders, test } from "./fixtures";

const lesson = content.lessons[0];
const quiz = content.quizFor(lesson.id)!;

/** A hall export of one nickname learner who answered one question (lib/hall/format.ts). */
function hallFile() {
  const learner = crypto.randomUUID();
  const attempt = crypto.randomUUID();
  const q = quiz.questions[0];
  const at = new Date().toISOString();
  return {
    format: "common-ground-hall-export",
    version: 1,
    exportedAt: at,
    group: { id: crypto.randomUUID(), name: "Saturday hall", courseId: content.course.id, locale: "en" },
    learners: [{ id: learner, displayName: "Noor", joinedAt: at }],
    completions: [{ userId: learner, courseId: content.course.id, lessonId: lesson.id, completedAt: at, locale: "en" }],
    attempts: [{ id: attempt, userId: learner, courseId: content.course.id, lessonId: lesson.id, quizId: quiz.id, startedAt: at, finishedAt: null, score: null, source: "app", contentVersion: null, answerSummary: null, locale: "en" }],
    responses: [{ id: crypto.randomUUID(), attemptId: attempt, userId: learner, questionId: q.id, skill: q.skill, chosen: q.correct, points: 1, correct: 1, answeredAt: at, locale: "en" }],
    arms: [],
  };
}

test("a facilitator imports a hall laptop's file into the group once, with clear words for a bad file", async ({ page, baseURL }) => {
  const group = await facilitatorWithGroup(baseURL!, "Hana Hall", "Hall import");
  await page.context().addCookies(await group.ctx.storageState().then((s) => s.cookies));
  const file = hallFile();
  const upload = (name: string, text: string) => page.getByLabel("Hall file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });

  await page.goto(`/en/facilitate/${group.id}#manage`);
  await expect(page.getByRole("heading", { name: "Bring in records from a hall laptop" })).toBeVisible();

  await upload("notes.json", "these are not records");
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("This file cannot be read as a hall file.").first()).toBeVisible();
  await upload("other.json", JSON.stringify({ ...file, version: 9 }));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("This is not a hall file the app can read").first()).toBeVisible();

  await upload("Saturday hall hall.json", JSON.stringify(file));
  await page.getByRole("button", { name: "Check the file" }).click();
  const preview = page.getByRole("region", { name: "What the import will add" });
  await expect(preview.getByRole("row", { name: /Learners 1 0/ })).toBeVisible();
  await expect(preview.getByRole("row", { name: /Answers 1 0/ })).toBeVisible();
  await expect(preview).toContainText("Saturday hall");
  await expectAccessibleInBothThemes(page, "hall import preview");
  await preview.getByRole("button", { name: "Add these records to this group" }).click();
  await expect(page.getByText("The records are added to this group.")).toBeVisible();
  const roster = await (await group.ctx.get(`/api/cohorts/${group.id}/roster`)).text();
  expect(roster).toContain("Noor");

  // The same file again: everything is already here, nothing to confirm.
  await upload("Saturday hall hall.json", JSON.stringify(file));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("Everything in this file is here already")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add these records to this group" })).toHaveCount(0);
  await group.ctx.dispose();
});

/** A request as a phone on the hall's Wi-Fi sends it: to the laptop's LAN address (Host), from a page there (Origin). */
function asPhone(port: number, path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request({ host: "127.0.0.1", port, path, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), ...headers } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(data);
  });
}

test("a phone at the laptop's LAN address over plain http signs in and answers; another site cannot post", async ({ playwright, baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  // The address a phone typed: the app takes its origin from it (NEXTAUTH_URL unset, as `npm run hall` runs).
  const lan = `192.168.8.20:${port}`;
  const phone = await playwright.request.newContext({ baseURL: baseURL!, extraHTTPHeaders: { host: lan, origin: `http://${lan}` } });
  const learner = newLearner("Lan phone");
  const made = await phone.post("/api/account", { headers: signUpHeaders(), data: { email: learner.email, password: learner.password, displayName: learner.name } });
  expect(made.status(), await made.text()).toBe(201);
  await signInApi(phone, learner);
  const session = (await phone.storageState()).cookies.find((c) => c.name.includes("session-token"));
  expect(session, "a session cookie").toBeTruthy();
  // Plain http: a Secure cookie would be dropped by the phone's browser.
  expect(session!.secure).toBe(false);
  const cookie = `${session!.name}=${session!.value}`;
  const answer = { id: crypto.randomUUID(), attemptId: crypto.randomUUID(), locale: "en", courseId: content.course.id, lessonId: lesson.id, questionId: quiz.questions[0].id, chosen: quiz.questions[0].correct };
  const ok = await asPhone(port, "/api/progress/answers", answer, { host: lan, origin: `http://${lan}`, cookie });
  expect(ok.status, ok.text).toBe(200);
  const refused = await asPhone(port, "/api/progress/answers", { ...answer, id: crypto.randomUUID() }, { host: lan, origin: "http://192.168.8.99:3000", cookie });
  expect(refused.status).toBe(403);
  await phone.dispose();
});
