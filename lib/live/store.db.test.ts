// Live sessions in the database on both engines: who may control and read them, joining (group
// members and nicknames, capacity), answers stored once and counted once in the group's report,
// the room's tallies, ended ad hoc sessions keeping only totals, and the 30-day purge.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { createCohort, joinCohort } from "@/lib/cohorts/mutations";
import { itemAnalysis } from "@/lib/cohorts/item-analysis";
import { getCourses, getQuiz } from "@/lib/content";
import { UNKNOWN_CLIENT } from "@/lib/ratelimit/client";
import { testEngines } from "@/lib/testing/db";
import { hubFor } from "./hub";
import { readLiveView } from "./read";
import { purgeLiveSessions } from "./retention";
import { controlLiveSession, createLiveSession, joinLiveSession, LIVE_CAPACITY, submitLiveAnswer } from "./store";
import type { FacilitatorView, ParticipantView, ProjectorView } from "./views";

process.env.LOG_SILENT = "1";

const PASSWORD = "river lamp orchard";
const course = getCourses("en")[0];
const lesson = course.modules[0].lessons.find((l) => l.quizId)!;
const quiz = getQuiz("en", course.id, lesson.quizId!)!;
const question = quiz.questions.find((q) => q.type === "single" && !quiz.biasPairs?.some((p) => p.versions.includes(q.id)))!;
const wrong = question.options.find((o) => !question.correct.includes(o.id))!;
const round = `question:${lesson.id}/question/${question.id}`;
const addQuestion = { type: "add" as const, step: { kind: "question" as const, lesson: lesson.id, question: question.id } };

describe.each(testEngines())("live sessions on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let fay: SessionUser;
  let cole: SessionUser;
  let other: SessionUser;
  let ann: SessionUser;
  let ben: SessionUser;
  let outsider: SessionUser;
  let cohortId: string;
  let group: { id: string; code: string };

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    const account = (name: string, role: "learner" | "facilitator" = "learner") =>
      createAccount(handle, { email: `${name}-${engine.name}@example.org`, displayName: name, password: PASSWORD, role });
    [fay, cole, other, ann, ben, outsider] = await Promise.all([account("fay", "facilitator"), account("cole", "facilitator"), account("other", "facilitator"), account("ann"), account("ben"), account("outsider")]);
    const cohort = await createCohort(handle, fay, { name: "Hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    cohortId = cohort.id;
    await handle.db.insertInto("cohort_facilitators").values({ cohort_id: cohortId, user_id: cole.id }).execute();
    for (const u of [ann, ben]) await joinCohort(handle, u, cohort.joinCode);
    group = await createLiveSession(handle, fay, { cohortId, trackId: "workshop" });
  });
  afterAll(async () => {
    await hubFor(handle).close();
    await cleanup();
  });

  it("starts from the group's plan, in the lobby, for its owner and co-facilitators only", async () => {
    const view = (await readLiveView(handle, { user: fay }, group.id, "facilitator")) as FacilitatorView;
    expect(view).toMatchObject({ phase: "lobby", code: group.code, participants: 0 });
    expect(view.order.some((s) => s.kind === "check")).toBe(true);
    await expect(controlLiveSession(handle, cole, group.id, { type: "names", show: false })).resolves.toBeDefined();
    for (const u of [other, ann, outsider]) {
      await expect(controlLiveSession(handle, u, group.id, { type: "start" })).rejects.toMatchObject({ code: "not_found" });
      await expect(readLiveView(handle, { user: u }, group.id, "projector")).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(readLiveView(handle, { user: null }, group.id, "participant")).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets the group's members join by code, and nobody else", async () => {
    await joinLiveSession(handle, { user: ann }, { code: group.code }, UNKNOWN_CLIENT);
    await joinLiveSession(handle, { user: ann }, { code: group.code }, UNKNOWN_CLIENT);
    await joinLiveSession(handle, { user: ben }, { code: group.code }, UNKNOWN_CLIENT);
    await expect(joinLiveSession(handle, { user: outsider }, { code: group.code }, UNKNOWN_CLIENT)).rejects.toMatchObject({ code: "not_found" });
    await expect(joinLiveSession(handle, { user: null }, { code: group.code, nickname: "Zed" }, UNKNOWN_CLIENT)).rejects.toMatchObject({ code: "unauthenticated" });
    const view = (await readLiveView(handle, { user: fay }, group.id, "projector")) as ProjectorView;
    expect(view.participants).toBe(2);
    expect(view.names).toBeUndefined();
    await expect(readLiveView(handle, { user: outsider }, group.id, "participant")).rejects.toMatchObject({ code: "not_found" });
  });

  it("stores an answer once, refuses a second, and counts it once in the group's report after a resend", async () => {
    await controlLiveSession(handle, fay, group.id, addQuestion);
    const id = crypto.randomUUID();
    const send = () => submitLiveAnswer(handle, { user: ann }, group.id, { id, round, chosen: question.correct });
    await send();
    await send();
    await expect(submitLiveAnswer(handle, { user: ann }, group.id, { id: crypto.randomUUID(), round, chosen: [wrong.id] })).rejects.toMatchObject({ code: "conflict" });
    await submitLiveAnswer(handle, { user: ben }, group.id, { id: crypto.randomUUID(), round, chosen: [wrong.id] });
    await expect(submitLiveAnswer(handle, { user: ben }, group.id, { id: crypto.randomUUID(), round: "question:other", chosen: [wrong.id] })).rejects.toMatchObject({ code: "conflict" });
    await expect(submitLiveAnswer(handle, { user: outsider }, group.id, { id: crypto.randomUUID(), round, chosen: [wrong.id] })).rejects.toMatchObject({ code: "not_found" });

    const rows = await handle.db.selectFrom("live_answers").select("id").where("session_id", "=", group.id).execute();
    expect(rows).toHaveLength(2);
    const responses = await handle.db.selectFrom("quiz_responses").select("id").where("user_id", "=", ann.id).execute();
    expect(responses).toEqual([{ id }]);
    const attempt = await handle.db.selectFrom("quiz_attempts").select("source").where("user_id", "=", ann.id).executeTakeFirstOrThrow();
    expect(attempt.source).toBe("live");
    const report = await itemAnalysis(handle, fay, cohortId);
    expect(report.items.find((i) => i.activityId === lesson.id && i.questionId === question.id)?.answers).toBe(2);
  });

  it("shows the projector only the count until the reveal, and each phone its own grade after", async () => {
    const before = (await readLiveView(handle, { user: fay }, group.id, "projector")) as ProjectorView;
    expect(before).toMatchObject({ phase: "open", answered: 2 });
    expect(before.reveal).toBeUndefined();
    const phone = (await readLiveView(handle, { user: ben }, group.id, "participant")) as ParticipantView;
    expect(phone.answer).toEqual([wrong.id]);
    expect(phone.result).toBeUndefined();

    await controlLiveSession(handle, fay, group.id, { type: "reveal" });
    const after = (await readLiveView(handle, { user: fay }, group.id, "projector")) as ProjectorView;
    expect(after.reveal).toMatchObject({ kind: "question", answered: 2, counts: { [question.correct[0]]: 1, [wrong.id]: 1 } });
    expect(((await readLiveView(handle, { user: ben }, group.id, "participant")) as ParticipantView).result?.verdict).toBe("incorrect");
    await expect(submitLiveAnswer(handle, { user: ben }, group.id, { id: crypto.randomUUID(), round, chosen: [wrong.id] })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses the facilitator's actions that do not apply, with a conflict", async () => {
    await expect(controlLiveSession(handle, fay, group.id, { type: "back" })).rejects.toMatchObject({ code: "conflict" });
    await expect(controlLiveSession(handle, fay, group.id, { type: "add", step: { kind: "scenario", lesson: lesson.id, scenario: "no-such-story" } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a control pressed on an older view (another device moved on), and applies one pressed on the current", async () => {
    const before = (await readLiveView(handle, { user: fay }, group.id, "facilitator")) as FacilitatorView;
    const { seq } = await controlLiveSession(handle, cole, group.id, { type: "names", show: !before.showNames, seq: before.seq });
    expect(seq).toBe(before.seq + 1);
    await expect(controlLiveSession(handle, fay, group.id, { type: "names", show: before.showNames, seq: before.seq })).rejects.toMatchObject({ code: "conflict" });
    const row = await handle.db.selectFrom("live_sessions").select("seq").where("id", "=", group.id).executeTakeFirstOrThrow();
    expect(Number(row.seq)).toBe(seq);
    expect(await controlLiveSession(handle, fay, group.id, { type: "names", show: before.showNames, seq })).toEqual({ seq: seq + 1 });
  });

  describe("an ad hoc session", () => {
    let adhoc: { id: string; code: string };
    let token: string;

    beforeAll(async () => {
      adhoc = await createLiveSession(handle, fay, { locale: "en", courseId: course.id, trackId: "workshop" });
    });

    it("leaves the checks out and takes nicknames; a phone that rejoins keeps its place", async () => {
      const view = (await readLiveView(handle, { user: fay }, adhoc.id, "facilitator")) as FacilitatorView;
      expect(view.order.some((s) => s.kind === "check")).toBe(false);
      const joined = await joinLiveSession(handle, { user: null }, { code: adhoc.code, nickname: "Robin" }, UNKNOWN_CLIENT);
      token = joined.token!;
      const again = await joinLiveSession(handle, { user: null, token }, { code: adhoc.code }, UNKNOWN_CLIENT);
      expect(again.token).toBe(token);
      await expect(joinLiveSession(handle, { user: null }, { code: adhoc.code }, UNKNOWN_CLIENT)).rejects.toMatchObject({ code: "bad_request" });
      const phone = (await readLiveView(handle, { user: null, token }, adhoc.id, "participant")) as ParticipantView;
      expect(phone).toMatchObject({ nickname: "Robin", phase: "lobby" });
      await expect(readLiveView(handle, { user: null, token: "guess" }, adhoc.id, "participant")).rejects.toMatchObject({ code: "not_found" });
      await expect(controlLiveSession(handle, fay, adhoc.id, { type: "add", step: { kind: "check", slot: "pre" } })).rejects.toMatchObject({ code: "conflict" });
    });

    it("shows names on the projector only when the facilitator chooses", async () => {
      await controlLiveSession(handle, fay, adhoc.id, { type: "names", show: true });
      expect(((await readLiveView(handle, { user: fay }, adhoc.id, "projector")) as ProjectorView).names).toEqual(["Robin"]);
    });

    it("keeps only totals once ended, and is purged 30 days later", async () => {
      await controlLiveSession(handle, fay, adhoc.id, addQuestion);
      await submitLiveAnswer(handle, { user: null, token }, adhoc.id, { id: crypto.randomUUID(), round, chosen: [wrong.id] });
      await controlLiveSession(handle, fay, adhoc.id, { type: "end" });
      const count = async (table: "live_answers" | "live_participants") => (await handle.db.selectFrom(table).select("id").where("session_id", "=", adhoc.id).execute()).length;
      expect(await count("live_answers")).toBe(0);
      expect(await count("live_participants")).toBe(0);
      const row = await handle.db.selectFrom("live_sessions").select(["totals", "ended_at"]).where("id", "=", adhoc.id).executeTakeFirstOrThrow();
      expect(JSON.parse(row.totals!)).toEqual({ [round]: { answered: 1, counts: { [wrong.id]: 1 } } });
      // The facilitator still sees the round's totals.
      const view = (await readLiveView(handle, { user: fay }, adhoc.id, "facilitator")) as FacilitatorView;
      expect(view.live).toEqual({ answered: 1, counts: { [wrong.id]: 1 } });
      await expect(joinLiveSession(handle, { user: null }, { code: adhoc.code, nickname: "Late" }, UNKNOWN_CLIENT)).rejects.toMatchObject({ code: "not_found" });

      const ended = new Date(row.ended_at!);
      expect(await purgeLiveSessions(handle, new Date(ended.getTime() + 29 * 86400_000))).toMatchObject({ deleted: 0 });
      expect(await purgeLiveSessions(handle, new Date(ended.getTime() + 31 * 86400_000))).toMatchObject({ deleted: 1 });
      expect(await handle.db.selectFrom("live_sessions").select("id").where("id", "=", adhoc.id).executeTakeFirst()).toBeUndefined();
      // A group session is never purged.
      expect(await handle.db.selectFrom("live_sessions").select("id").where("id", "=", group.id).executeTakeFirst()).toBeDefined();
    });

    it("ends an ad hoc session left running for a day, keeping only totals", async () => {
      const left = await createLiveSession(handle, fay, { locale: "en", courseId: course.id });
      await joinLiveSession(handle, { user: null }, { code: left.code, nickname: "Kim" }, UNKNOWN_CLIENT);
      const result = await purgeLiveSessions(handle, new Date(Date.now() + 25 * 3600_000));
      expect(result.ended).toBeGreaterThanOrEqual(1);
      const row = await handle.db.selectFrom("live_sessions").select(["ended_at", "totals"]).where("id", "=", left.id).executeTakeFirstOrThrow();
      expect(row.ended_at).not.toBeNull();
      expect(row.totals).toBe("{}");
      expect((await handle.db.selectFrom("live_participants").select("id").where("session_id", "=", left.id).execute()).length).toBe(0);
    });
  });

  it(`refuses the ${LIVE_CAPACITY + 1}st person with a clear message`, async () => {
    const full = await createLiveSession(handle, fay, { locale: "en", courseId: course.id });
    const at = new Date().toISOString();
    const rows = Array.from({ length: LIVE_CAPACITY }, (_, i) => ({ id: crypto.randomUUID(), session_id: full.id, user_id: null, token_hash: crypto.randomBytes(16).toString("hex"), nickname: `P${i}`, joined_at: at, seen_at: at }));
    for (let i = 0; i < rows.length; i += 200) await handle.db.insertInto("live_participants").values(rows.slice(i, i + 200)).execute();
    await expect(joinLiveSession(handle, { user: null }, { code: full.code, nickname: "One more" }, UNKNOWN_CLIENT)).rejects.toMatchObject({ code: "conflict", key: "live.full", args: { capacity: LIVE_CAPACITY } });
  });
});
