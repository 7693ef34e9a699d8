// LTI on both engines: an admin registers a platform; a login stores a nonce that one launch
// uses once; a launch makes the account, the group and the grade link; a finished quiz queues
// its score once, and the worker sends it to the simulated platform, retrying when it fails;
// NRPS fills the group; Deep Linking answers with a signed response.
import crypto from "node:crypto";
import { createLocalJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { finishAttempt, recordAnswer } from "@/lib/progress/answers";
import { answer, course, lessonRef, PASSWORD, quiz } from "@/lib/testing/progress-fixture";
import { testEngines } from "@/lib/testing/db";
import { PlatformSimulator, type LaunchSpec } from "@/tests/lti/platform-simulator";
import { answerDeepLink, deepLinkOptions } from "./deep-linking";
import { databaseToolKeys, type ToolKeyStore } from "./keys";
import { completeLaunch, startLogin } from "./launch";
import { storeNonce, spendNonce } from "./nonces";
import { listPlatforms, savePlatform } from "./platforms";
import { syncRoster } from "./roster";
import { queueAttemptScores, sendDueScores } from "./scores";
import { clearServiceTokens } from "./service-token";

process.env.LOG_SILENT = "1";

const APP = "http://localhost:3850";
const SECRET = "x".repeat(40);
const INSTRUCTOR = ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"];
const LEARNER = ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"];

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.key;
    throw e;
  }
  throw new Error("accepted");
}

describe.each(testEngines())("LTI on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let admin: SessionUser;
  let keys: ToolKeyStore;
  let platformId: string;
  const sim = new PlatformSimulator({ toolOrigin: APP, toolJwks: () => keys.publicJwks() });

  /** The whole launch: login at the tool, the platform's id_token for `spec`, the form post. */
  async function launch(spec: LaunchSpec) {
    const redirect = new URL(await startLogin(handle, { iss: sim.issuer, login_hint: spec.sub, target_link_uri: `${APP}/api/lti/launch`, client_id: sim.clientId }, APP, SECRET));
    const idToken = await sim.signIdToken(spec, redirect.searchParams.get("nonce")!);
    const input = { id_token: idToken, state: redirect.searchParams.get("state")! };
    return { input, result: await completeLaunch(handle, input, APP, SECRET, { keysFor: () => sim.keyResolver() }) };
  }

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    keys = databaseToolKeys(handle);
    await sim.start();
    admin = await createAccount(handle, { email: `admin-${engine.name}@example.org`, displayName: "Admin", password: PASSWORD }, "admin");
    ({ id: platformId } = await savePlatform(handle, admin, sim.registration()));
  });
  afterAll(async () => {
    await sim.stop();
    await cleanup();
  });
  beforeEach(() => clearServiceTokens());

  it("registers a platform once per issuer and client id, for admins only", async () => {
    const learner = await createAccount(handle, { email: `l-${engine.name}@example.org`, displayName: "L", password: PASSWORD });
    expect(await refusal(savePlatform(handle, learner, sim.registration()))).toBe("cohorts.adminOnly");
    expect(await refusal(savePlatform(handle, admin, sim.registration()))).toBe("lti.duplicatePlatform");
    const list = await listPlatforms(handle, admin);
    expect(list.map((p) => p.clientId)).toEqual([sim.clientId]);
    expect(list[0].deploymentIds).toEqual([sim.deploymentId]);
  });

  it("uses a nonce once, for its platform, before it expires", async () => {
    const now = new Date();
    await storeNonce(handle, platformId, "n-1", now);
    expect(await spendNonce(handle, "other-platform", "n-1", now)).toBe(false);
    expect(await spendNonce(handle, platformId, "n-1", now)).toBe(true);
    expect(await spendNonce(handle, platformId, "n-1", now)).toBe(false);
    await storeNonce(handle, platformId, "n-2", now);
    expect(await spendNonce(handle, platformId, "n-2", new Date(now.getTime() + 11 * 60_000))).toBe(false);
  });

  it("refuses a login from an unknown issuer or for a target elsewhere", async () => {
    expect(await refusal(startLogin(handle, { iss: "https://unknown.example", login_hint: "x", target_link_uri: `${APP}/` }, APP, SECRET))).toBe("lti.unknownPlatform");
    expect(await refusal(startLogin(handle, { iss: sim.issuer, login_hint: "x", target_link_uri: "https://evil.example/" }, APP, SECRET))).toBe("lti.badTarget");
    expect(await refusal(startLogin(handle, { iss: sim.issuer, login_hint: "x", target_link_uri: `${APP}/`, lti_deployment_id: "nope" }, APP, SECRET))).toBe("lti.unknownDeployment");
  });

  it("launches a teacher then a learner into a lesson's quiz: accounts, one group, a grade link; a replay is refused", async () => {
    const context = { id: `ctx-${engine.name}`, title: "Civics 9B" };
    const custom = { course: course.id, lesson: lessonRef.id, view: "quiz" };
    const teacher = await launch({ sub: "t-1", roles: INSTRUCTOR, context, custom });
    expect(teacher.result.account.role).toBe("facilitator");
    expect(teacher.result.path).toBe(`/en/lti/courses/${course.id}/${lessonRef.id}/quiz`);
    expect(teacher.result.roster).toEqual({ platformId, contextId: context.id });

    const { input, result } = await launch({ sub: "s-1", roles: LEARNER, context, custom, lineItem: sim.url("/lineitems/li-1") });
    expect(result.account.role).toBe("learner");
    expect(result.account.displayName).toMatch(/^LMS-[0-9A-F]{6}$/);
    const user = await handle.db.selectFrom("users").selectAll().where("id", "=", result.account.id).executeTakeFirstOrThrow();
    expect(user.email).toBeNull();
    const group = await handle.db.selectFrom("lti_contexts as x").innerJoin("cohorts as c", "c.id", "x.cohort_id").select(["c.id", "c.name", "c.owner_id"]).where("x.context_id", "=", context.id).executeTakeFirstOrThrow();
    expect(group.name).toBe("Civics 9B");
    expect(group.owner_id).toBe(teacher.result.account.id);
    const member = await handle.db.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", group.id).execute();
    expect(member.map((m) => m.user_id)).toEqual([result.account.id]);
    const links = await handle.db.selectFrom("lti_grade_links").selectAll().where("user_id", "=", result.account.id).execute();
    expect(links.map((l) => [l.line_item_url, l.activity_id])).toEqual([[sim.url("/lineitems/li-1"), lessonRef.id]]);

    // The same id_token and state again: its nonce is spent.
    expect(await refusal(completeLaunch(handle, input, APP, SECRET, { keysFor: () => sim.keyResolver() }))).toBe("lti.replayed");
    // A second launch of the same person is the same account.
    const again = await launch({ sub: "s-1", roles: LEARNER, context, custom });
    expect(again.result.account.id).toBe(result.account.id);
  });

  it("refuses a tampered state and a learner's deep-linking request", async () => {
    const redirect = new URL(await startLogin(handle, { iss: sim.issuer, login_hint: "x", target_link_uri: `${APP}/` }, APP, SECRET));
    const token = await sim.signIdToken({ sub: "s-9", roles: LEARNER }, redirect.searchParams.get("nonce")!);
    expect(await refusal(completeLaunch(handle, { id_token: token, state: `${redirect.searchParams.get("state")}x` }, APP, SECRET, { keysFor: () => sim.keyResolver() }))).toBe("lti.badState");
    expect(await refusal(launch({ sub: "s-9", roles: LEARNER, messageType: "LtiDeepLinkingRequest" }))).toBe("lti.notInstructor");
  });

  it("queues a finished quiz's score once per line item and sends it; a failing platform is retried later", async () => {
    const context = { id: `ctx-score-${engine.name}` };
    const { result } = await launch({ sub: "s-2", roles: LEARNER, context, custom: { course: course.id, lesson: lessonRef.id, view: "quiz" }, lineItem: sim.url("/lineitems/li-2") });
    const actor = { id: result.account.id, role: "learner" as const, displayName: result.account.displayName };
    const attemptId = crypto.randomUUID();
    for (let i = 0; i < quiz.questions.length; i++) await recordAnswer(handle, actor, answer(attemptId, i, i !== 0));
    await finishAttempt(handle, actor, attemptId, "en");
    expect(await queueAttemptScores(handle, actor.id, attemptId)).toBe(1);
    expect(await queueAttemptScores(handle, actor.id, attemptId)).toBe(0);

    // The platform is down: the row waits for its next try, nothing is lost.
    const down: typeof fetch = async () => {
      throw new TypeError("connection refused");
    };
    expect(await sendDueScores(handle, { keys, fetcher: down })).toEqual({ sent: 0, failed: 1 });
    let row = await handle.db.selectFrom("lti_score_queue").selectAll().where("attempt_id", "=", attemptId).executeTakeFirstOrThrow();
    expect([Number(row.tries), row.sent_at, row.last_error]).toEqual([1, null, "network"]);
    expect(await sendDueScores(handle, { keys })).toEqual({ sent: 0, failed: 0 });

    // Later, the platform is back.
    const later = () => new Date(Date.now() + 10 * 60_000);
    expect(await sendDueScores(handle, { keys, now: later })).toEqual({ sent: 1, failed: 0 });
    row = await handle.db.selectFrom("lti_score_queue").selectAll().where("attempt_id", "=", attemptId).executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
    const sent = sim.scores.filter((s) => s.lineItem === sim.url("/lineitems/li-2"));
    expect(sent).toHaveLength(1);
    const expected = Math.round(((quiz.questions.length - 1) / quiz.questions.length) * 10000) / 100;
    expect(sent[0].body).toMatchObject({ userId: "s-2", scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded", timestamp: row.scored_at });
    expect(Number(sent[0].body.scoreGiven)).toBeGreaterThan(0);
    expect(Number(sent[0].body.scoreGiven)).toBeLessThanOrEqual(expected + 0.01);
    expect(sim.tokenRequests.at(-1)).toEqual({ scope: "https://purl.imsglobal.org/spec/lti-ags/scope/score", ok: true });
    // Sent is sent: nothing goes twice.
    expect(await sendDueScores(handle, { keys, now: later })).toEqual({ sent: 0, failed: 0 });
  });

  it("grades a whole-course link by its final check", async () => {
    const { result } = await launch({ sub: "s-3", roles: LEARNER, context: { id: `ctx-course-${engine.name}` }, custom: { course: course.id }, lineItem: sim.url("/lineitems/course-1") });
    expect(result.path).toBe(`/en/lti/courses/${course.id}`);
    const link = await handle.db.selectFrom("lti_grade_links").select("activity_id").where("user_id", "=", result.account.id).executeTakeFirstOrThrow();
    expect(link.activity_id).toBe("assessment-post");
  });

  it("fills the course's group from its member list (NRPS), with no names or emails kept", async () => {
    const context = { id: `ctx-nrps-${engine.name}`, title: "Roster" };
    sim.members.set(context.id, [
      { user_id: "t-5", roles: INSTRUCTOR, name: "Teacher Name", email: "t@school.example" },
      { user_id: "t-6", roles: INSTRUCTOR },
      { user_id: "s-5", roles: LEARNER, name: "Pupil Name", email: "p@school.example" },
      { user_id: "s-6", roles: LEARNER, status: "Inactive" },
    ]);
    const { result } = await launch({ sub: "t-5", roles: INSTRUCTOR, context, custom: { course: course.id } });
    expect(await syncRoster(handle, result.roster!, "en", course.id, { keys })).toBe(3);
    const group = await handle.db.selectFrom("lti_contexts").select("cohort_id").where("context_id", "=", context.id).executeTakeFirstOrThrow();
    const facilitators = await handle.db.selectFrom("cohort_facilitators").select("user_id").where("cohort_id", "=", group.cohort_id!).execute();
    const members = await handle.db.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", group.cohort_id!).execute();
    expect(facilitators).toHaveLength(1);
    expect(members).toHaveLength(1);
    const names = await handle.db.selectFrom("users").select(["display_name", "email"]).where("id", "=", members[0].user_id).executeTakeFirstOrThrow();
    expect(names.email).toBeNull();
    expect(names.display_name).not.toContain("Pupil");
    // Again: the same group, nobody twice.
    expect(await syncRoster(handle, result.roster!, "en", course.id, { keys })).toBe(3);
    const again = await handle.db.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", group.cohort_id!).execute();
    expect(again).toHaveLength(1);
  });

  it("answers a deep-linking request with a signed response, once", async () => {
    const { result } = await launch({ sub: "t-7", roles: INSTRUCTOR, messageType: "LtiDeepLinkingRequest" });
    const id = result.path.split("/").at(-1)!;
    expect(result.path).toBe(`/en/lti/deep-link/${id}`);
    const teacher = { id: result.account.id, role: "facilitator" as const, displayName: result.account.displayName };
    const options = await deepLinkOptions(handle, teacher, id, "en");
    expect(options.courses[0].lessons.length).toBeGreaterThan(0);
    const answerOf = await answerDeepLink(handle, teacher, id, "en", { items: [{ course: course.id, lesson: lessonRef.id, view: "quiz" }, { course: course.id, lesson: lessonRef.id, view: "lesson" }] }, APP, keys);
    expect(answerOf.returnUrl).toBe(sim.url("/deep-link-return"));
    const { payload, protectedHeader } = await jwtVerify(answerOf.jwt, createLocalJWKSet(await keys.publicJwks()), { issuer: sim.clientId, audience: sim.issuer });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload["https://purl.imsglobal.org/spec/lti/claim/message_type"]).toBe("LtiDeepLinkingResponse");
    expect(payload["https://purl.imsglobal.org/spec/lti-dl/claim/data"]).toBe("opaque-platform-data");
    const items = payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as { custom: Record<string, string>; lineItem?: unknown; url: string }[];
    expect(items.map((i) => i.custom.view)).toEqual(["quiz", "lesson"]);
    expect(items[0].lineItem).toMatchObject({ scoreMaximum: 100 });
    expect(items[1].lineItem).toBeUndefined();
    expect(items[0].url).toBe(`${APP}/en/lti/courses/${course.id}/${lessonRef.id}/quiz`);
    expect(decodeJwt(answerOf.jwt).aud).toBe(sim.issuer);
    // Used up: a second answer is refused.
    expect(await refusal(answerDeepLink(handle, teacher, id, "en", { items: [{ course: course.id, view: "course" }] }, APP, keys))).toBe("lti.deepLinkGone");
  });

  it("keeps a retired tool key in the JWKS and signs with the new one", async () => {
    const before = (await keys.signingKey()).kid;
    const after = await keys.rotate();
    expect((await keys.signingKey()).kid).toBe(after);
    expect((await keys.publicJwks()).keys.map((k) => k.kid)).toEqual(expect.arrayContaining([before, after]));
    // RSA (what Moodle and Canvas accept), published without its private half, and sealed at rest.
    const published = (await keys.publicJwks()).keys.find((k) => k.kid === after)!;
    expect(published).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(published).not.toHaveProperty("d");
    const row = await handle.db.selectFrom("signing_keys").selectAll().where("kid", "=", after).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ purpose: "lti", alg: "RS256" });
    expect(row.private_jwk).toMatch(/^v1\./);
    expect(row.private_jwk).not.toContain('"d"');
  });
});
