// The world the matrix is tried in: a facilitator's cohort with two members (a learner with an
// account, a nickname-only learner), another learner, another facilitator and an admin, each
// signed in on their own API context. Built through the app's own routes, as a person would.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { loadContent } from "../../lib/content/load";
import { expect, PASSWORD, signInApi, signUpHeaders } from "../fixtures";
import type { Caller, Subject, WorldIds } from "./matrix";

const root = path.join(__dirname, "..", "..");

export interface Person {
  ctx: APIRequestContext;
  id: string;
  name: string;
  /** Email, or the login name of a nickname-only account. */
  account: string;
  password: string;
}

export interface World {
  ids: WorldIds;
  people: Record<Exclude<Caller, "anonymous">, Person> & { nickname: Person };
  /** Strings that identify each subject; an answer that contains one shows that subject's data. */
  markers: Record<Subject, string[]>;
  /** The world as the learner and the facilitator see it, to prove a refused call changed nothing. */
  baseline: string;
  dispose(): Promise<void>;
}

const en = (() => {
  const { content, problems } = loadContent(path.join(root, "content"));
  if (problems.length) throw new Error(`content is invalid: ${JSON.stringify(problems[0])}`);
  const locale = content.find((c) => c.locale === "en")!;
  const course = locale.courses[0];
  const lessons = course.modules.flatMap((m) => m.lessons);
  const quizLesson = locale.lessons.find((l) => l.courseId === course.id && l.quizId)!;
  const quiz = locale.quizzes.get(`${course.id}/${quizLesson.quizId}`)!;
  const attitudes = locale.attitudes.get(course.id);
  // A guest names the form of a check (here A); the grade route needs it.
  const pre = locale.forms.get(course.id)?.a?.questions[0];
  return { course, lessons, quizLesson, quiz, attitudeItemId: attitudes?.items[0]?.id ?? "none", preQuestion: { questionId: pre?.id ?? "none", chosen: pre?.correct ?? [], form: "a" as const } };
})();

/**
 * A request context that opens a connection per request: Playwright's client reuses idle sockets
 * past the server's keep-alive timeout (microsoft/playwright#42698), which fails as ECONNRESET.
 */
export const newContext = (baseURL: string) => playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Connection: "close" } });

async function signedIn(baseURL: string, role: "learner" | "facilitator", name: string): Promise<Person> {
  const ctx = await newContext(baseURL);
  const account = `matrix-${crypto.randomUUID()}@example.org`;
  // Everyone's own password, so that nobody else's is the learner's.
  const password = `${crypto.randomUUID().slice(0, 13)} orchard lamp`;
  const res = await ctx.post("/api/account", { headers: signUpHeaders(), data: { email: account, password, displayName: name, role } });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await signInApi(ctx, { email: account, password, name });
  return { ctx, id, name, account, password };
}

/**
 * An admin made the way an operator makes one: `npm run admin:create` (scripts/admin-create.ts)
 * against the e2e server's database promotes an existing account.
 */
export async function newAdmin(baseURL: string): Promise<Person> {
  const admin = await signedIn(baseURL, "learner", `Matrix admin ${crypto.randomUUID().slice(0, 8)}`);
  const database = process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { DATA_DIR: path.join(root, ".e2e-data") };
  const env: NodeJS.ProcessEnv = { ...process.env, ...database, ADMIN_PASSWORD: PASSWORD, LOG_SILENT: "1" };
  delete env.ADMIN_EMAIL;
  execFileSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/admin-create.ts", "--email", admin.account], { cwd: root, env, stdio: "pipe" });
  const session = (await (await admin.ctx.get("/api/auth/session")).json()) as { user?: { role?: string } };
  expect(session.user?.role, "promoted to admin").toBe("admin");
  return admin;
}

async function ok<T>(what: string, response: Promise<APIResponse>): Promise<T> {
  const res = await response;
  expect(res.ok(), `${what}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

export async function buildWorld(baseURL: string, admin: Person): Promise<World> {
  const unique = crypto.randomUUID().slice(0, 8);
  const [facilitator, otherFacilitator, learner, otherLearner] = await Promise.all([
    signedIn(baseURL, "facilitator", `Matrix facilitator ${unique}`),
    signedIn(baseURL, "facilitator", `Matrix other facilitator ${unique}`),
    signedIn(baseURL, "learner", `Matrix learner ${unique}`),
    signedIn(baseURL, "learner", `Matrix other learner ${unique}`),
  ]);
  const cohortName = `Matrix hall ${unique}`;
  const cohort = await ok<{ id: string; joinCode: string }>("create cohort", facilitator.ctx.post("/api/cohorts", { data: { name: cohortName, kind: "workshop", locale: "en", trackId: "workshop" } }));
  const spare = await ok<{ joinCode: string }>("create spare cohort", facilitator.ctx.post("/api/cohorts", { data: { name: `Spare room ${unique}`, kind: "class", locale: "en", trackId: "school" } }));
  await ok("learner joins", learner.ctx.post("/api/join", { data: { code: cohort.joinCode } }));
  // The other facilitator is invited to co-facilitate, and has not answered: no access yet.
  await ok("invite", facilitator.ctx.post(`/api/cohorts/${cohort.id}/invitations`, { data: { email: otherFacilitator.account } }));
  const [invitation] = await ok<{ id: string }[]>("invitations", otherFacilitator.ctx.get("/api/invitations"));

  // The nickname-only member signs in with the login name and passphrase the join hands out once.
  const nicknameCtx = await newContext(baseURL);
  const nick = `Nick ${unique}`;
  const joined = await ok<{ loginName: string; passphrase: string }>("nickname join", nicknameCtx.post("/api/join/nickname", { data: { code: cohort.joinCode, nickname: nick } }));
  await signInApi(nicknameCtx, { email: joined.loginName, password: joined.passphrase, name: nick });

  // The learner's record: one lesson done (and assigned), one answer in an unfinished attempt.
  const [done, other] = [en.lessons[0].id, en.lessons[2].id];
  await ok("lesson done", learner.ctx.post("/api/progress/lessons", { data: { locale: "en", courseId: en.course.id, lessonId: done } }));
  const attemptId = crypto.randomUUID();
  const answerId = crypto.randomUUID();
  const [q0, q1] = en.quiz.questions;
  const answer = { locale: "en", courseId: en.course.id, lessonId: en.quizLesson.id };
  await ok("answer", learner.ctx.post("/api/progress/answers", { data: { id: answerId, attemptId, ...answer, questionId: q0.id, chosen: q0.correct } }));
  await ok("assignment", facilitator.ctx.post(`/api/cohorts/${cohort.id}/assignments`, { data: { activityId: done, dueAt: "2030-06-30" } }));

  // A live session of the cohort that the learner joined, and an ad hoc one already ended.
  const live = await ok<{ id: string; code: string }>("live session", facilitator.ctx.post("/api/live", { data: { cohortId: cohort.id } }));
  await ok("learner joins live", learner.ctx.post("/api/live/join", { data: { code: live.code } }));
  const ended = await ok<{ id: string }>("ended live session", facilitator.ctx.post("/api/live", { data: { locale: "en", courseId: en.course.id } }));
  await ok("end live session", facilitator.ctx.post(`/api/live/${ended.id}/control`, { data: { type: "end" } }));

  const roster = await ok<{ learners: { id: string; name: string }[] }>("roster", facilitator.ctx.get(`/api/cohorts/${cohort.id}/roster`));
  const nickname: Person = { ctx: nicknameCtx, id: roster.learners.find((l) => l.name === nick)!.id, name: nick, account: joined.loginName, password: joined.passphrase };

  const ids: WorldIds = {
    locale: "en",
    courseId: en.course.id,
    cohortId: cohort.id,
    joinCode: cohort.joinCode,
    spareCode: spare.joinCode,
    facilitatorId: facilitator.id,
    learnerId: learner.id,
    learnerEmail: learner.account,
    learnerPassword: learner.password,
    nicknameId: nickname.id,
    attemptId,
    answerId,
    nextAnswer: { ...answer, questionId: q1.id, chosen: q1.correct },
    doneLessonId: done,
    otherLessonId: other,
    attitudeItemId: en.attitudeItemId,
    preQuestion: en.preQuestion,
    invitationId: invitation.id,
    liveSessionId: live.id,
    liveCode: live.code,
    endedLiveSessionId: ended.id,
    unique,
  };
  // An email's local part too: a page may break the address after "@" (<wbr>).
  const of = (p: Person) => [p.name, p.account, p.account.split("@")[0]];
  const people = { learner, otherLearner, facilitator, otherFacilitator, admin, nickname };
  const world: World = {
    ids,
    people,
    markers: {
      learner: [...of(learner), attemptId, answerId],
      nickname: of(nickname),
      otherLearner: of(otherLearner),
      facilitator: of(facilitator),
      otherFacilitator: of(otherFacilitator),
      admin: of(admin),
      cohort: [cohortName, cohort.joinCode],
    },
    baseline: "",
    async dispose() {
      await Promise.all([learner, otherLearner, facilitator, otherFacilitator, nickname].map((p) => p.ctx.dispose()));
    },
  };
  world.baseline = await fingerprint(world);
  return world;
}

/**
 * What a refused call must not change: the learner's exported record, the cohort (roster,
 * assignments, pending invitations), the invitation as its invitee sees it, the facilitator still
 * running groups, and every session still signed in.
 */
export async function fingerprint(w: World): Promise<string> {
  const { learner, facilitator, otherFacilitator } = w.people;
  const json = async (res: Promise<APIResponse>) => {
    const r = await res;
    return { status: r.status(), body: r.ok() ? ((await r.json()) as unknown) : null };
  };
  const [record, roster, assignments, invitations, invited, cohorts, ...sessions] = await Promise.all([
    json(learner.ctx.get("/api/account/export")),
    json(facilitator.ctx.get(`/api/cohorts/${w.ids.cohortId}/roster`)),
    json(facilitator.ctx.get(`/api/cohorts/${w.ids.cohortId}/assignments`)),
    json(facilitator.ctx.get(`/api/cohorts/${w.ids.cohortId}/invitations`)),
    json(otherFacilitator.ctx.get("/api/invitations")),
    facilitator.ctx.get("/api/cohorts").then((r) => r.status()),
    ...Object.values(w.people).map(async (p) => ((await (await p.ctx.get("/api/auth/session")).json()) as { user?: { id?: string } }).user?.id === p.id),
  ]);
  if (record.body) delete (record.body as { exportedAt?: string }).exportedAt;
  return JSON.stringify({ record, roster, assignments, invitations, invited, cohorts, sessions }, null, 1);
}
