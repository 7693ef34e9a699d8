// Cohort boundaries through the real routes: another facilitator, a learner and an anonymous
// caller try every report, export and action with a cohort they do not run.
import crypto from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { content, expect, newLearner, signInApi, test, signUpHeaders } from "./fixtures";

async function account(baseURL: string, role: "learner" | "facilitator"): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const person = { ...newLearner(role), role };
  const res = await ctx.post("/api/account", { headers: signUpHeaders(), data: { email: person.email, password: person.password, displayName: person.name, role } });
  expect(res.status()).toBe(201);
  await signInApi(ctx, person);
  return ctx;
}

test("a cohort's reports, export and actions are closed to everyone who does not run it", async ({ baseURL }) => {
  const owner = await account(baseURL!, "facilitator");
  const stranger = await account(baseURL!, "facilitator");
  const learner = await account(baseURL!, "learner");
  const anon = await playwrightRequest.newContext({ baseURL });

  const created = await owner.post("/api/cohorts", { data: { name: "Hall", kind: "workshop", locale: "en", trackId: "workshop" } });
  expect(created.status()).toBe(200);
  const { id, joinCode } = await created.json();
  expect((await learner.post("/api/join", { data: { code: joinCode } })).status()).toBe(200);
  const { learnerId } = { learnerId: (await (await owner.get(`/api/cohorts/${id}/roster`)).json()).learners[0].id as string };

  const lesson = content.lessons[0].id;
  const calls: [string, string, unknown?][] = [
    ["GET", `/api/cohorts/${id}/roster`],
    ["GET", `/api/cohorts/${id}/items`],
    ["GET", `/api/cohorts/${id}/gain`],
    ["GET", `/api/cohorts/${id}/export`],
    ["GET", `/api/cohorts/${id}/assignments`],
    ["POST", `/api/cohorts/${id}/assignments`, { activityId: lesson, dueAt: "2030-12-24" }],
    ["DELETE", `/api/cohorts/${id}/assignments`, { activityId: lesson }],
    ["POST", `/api/cohorts/${id}/archive`, { archived: true }],
    ["POST", `/api/cohorts/${id}/learners/${learnerId}/reset-passphrase`, {}],
    ["POST", `/api/cohorts/${id}/learners/${learnerId}/lift-throttle`, {}],
    ["DELETE", `/api/cohorts/${id}`, { confirm: true }],
  ];
  for (const [method, url, data] of calls) {
    expect((await stranger.fetch(url, { method, data })).status(), `another facilitator: ${method} ${url}`).toBe(404);
    expect([403, 404], `a learner: ${method} ${url}`).toContain((await learner.fetch(url, { method, data })).status());
    expect((await anon.fetch(url, { method, data })).status(), `anonymous: ${method} ${url}`).toBe(401);
  }
  // A malformed or unknown id is simply not found.
  expect((await owner.get(`/api/cohorts/not-a-uuid/roster`)).status()).toBe(404);
  expect((await owner.get(`/api/cohorts/${crypto.randomUUID()}/roster`)).status()).toBe(404);
  // Learners cannot create cohorts or suspend anyone; nothing above changed the cohort.
  expect((await learner.post("/api/cohorts", { data: { name: "X", kind: "class", locale: "en", trackId: "school" } })).status()).toBe(403);
  expect((await stranger.post(`/api/admin/facilitators/${crypto.randomUUID()}/suspend`, { data: { suspended: true } })).status()).toBe(403);
  const roster = await (await owner.get(`/api/cohorts/${id}/roster`)).json();
  expect(roster.cohort.archived).toBe(false);
  expect(roster.learners).toHaveLength(1);
  for (const c of [owner, stranger, learner, anon]) await c.dispose();
});

test("joining: a wrong code is a clear 404, a nickname join makes an account that signs in", async ({ baseURL }) => {
  const owner = await account(baseURL!, "facilitator");
  const { joinCode } = await (await owner.post("/api/cohorts", { data: { name: "Class 8", kind: "class", locale: "en", trackId: "school" } })).json();
  const anon = await playwrightRequest.newContext({ baseURL });
  const wrong = await anon.post("/api/join/nickname", { data: { code: "ZZZZZZZZ", nickname: "Kim" } });
  expect(wrong.status()).toBe(404);
  expect((await wrong.json()).error).toContain("No open group has that code");
  // Nicknames allow a leading dash, which a spreadsheet would read as a formula.
  const joined = await anon.post("/api/join/nickname", { data: { code: joinCode.toLowerCase(), nickname: "-2 Kim" } });
  expect(joined.status()).toBe(201);
  const { loginName, passphrase } = await joined.json();
  await signInApi(anon, { email: loginName, password: passphrase, name: "-2 Kim" });
  const csv = await (await owner.get(`/api/cohorts/${(await (await owner.get("/api/cohorts")).json())[0].id}/export`)).text();
  expect(csv).toContain("'-2 Kim");
  expect(csv).not.toMatch(/(^|,)-2 Kim/m);
  await owner.dispose();
  await anon.dispose();
});

test("names: a group named in any script exports with its name, hidden direction characters are refused, the join page isolates the name", async ({ page, baseURL }) => {
  const owner = await account(baseURL!, "facilitator");
  const name = `Группа ${crypto.randomUUID().slice(0, 4)} — مجموعة`;
  const created = await owner.post("/api/cohorts", { data: { name, kind: "class", locale: "en", trackId: "school" } });
  expect(created.status()).toBe(200);
  const { id, joinCode } = await created.json();
  // A name beyond Latin-1 made this a 500: header values must be Latin-1.
  const exported = await owner.get(`/api/cohorts/${id}/export`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(`${name} results.csv`)}`);
  expect([...(await exported.body()).subarray(0, 3)], "a UTF-8 byte order mark").toEqual([0xef, 0xbb, 0xbf]);
  for (const hostile of ["Ann\u202Egnp.exe", "\u2066Hall\u2069", "Hall\u0000", "Hall\u001B[31m"]) {
    const refused = await owner.post("/api/cohorts", { data: { name: hostile, kind: "class", locale: "en", trackId: "school" } });
    expect(refused.status(), JSON.stringify(hostile)).toBe(400);
  }
  // The public join page shows the name isolated from the words around it.
  await page.goto(`/en/join/${joinCode}`);
  await expect(page.getByRole("heading", { level: 1, name: `Join ${name}` })).toBeVisible();
  await expect(page.locator("h1 bdi")).toHaveText(name);
  await owner.dispose();
});
