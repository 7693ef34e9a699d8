// Certificates on both engines: signing keys made once (also by two instances at once), rotated
// with old credentials still verifying; a course certificate issued only once the course is
// finished; attendance awards by a group's facilitators only; revocation by withdrawal and by
// deleting the account; and a verification that shows nothing about the person beyond the credential.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { deleteMyAccount } from "@/lib/account/delete";
import { exportMyData } from "@/lib/account/export";
import { createCohort, joinCohort, joinWithNickname } from "@/lib/cohorts/mutations";
import { createLiveSession, joinLiveSession } from "@/lib/live/store";
import { UNKNOWN_CLIENT } from "@/lib/ratelimit/client";
import { completeLesson } from "@/lib/progress/completions";
import { selfPacedCourse } from "@/lib/progress/self-paced";
import { testEngines } from "@/lib/testing/db";
import { course, PASSWORD } from "@/lib/testing/progress-fixture";
import { activeKeyCount, activeSigner, publishedKeys, rotateSigningKey } from "@/lib/signing-keys/keys";
import { awardAttendance, attendanceView } from "./attendance";
import { courseEligibility } from "./eligibility";
import { issueCourseCertificate, issueCredential, revokeMyCredential } from "./issue";
import { credentialFile, revokedPositions, statusListJwt, verifyById, verifyText } from "./public";
import { myCertificates } from "./queries";
import { decodeStatusList, statusBit } from "./status-list";
import { setUpLrs } from "@/lib/xapi/testing/settings";

process.env.LOG_SILENT = "1";

const SECRET = "test-secret-".padEnd(40, "x");
const opts = { origin: "https://ground.example", secret: SECRET };
const core = selfPacedCourse("en", course.id)!.lessons.filter((l) => l.core);

/** A learner who finished every core lesson and, unless told, the final check. */
async function finisher(handle: Db, name: string, withCheck = true): Promise<SessionUser> {
  const user = await createAccount(handle, { email: `${name}-${crypto.randomUUID()}@example.org`, displayName: name, password: PASSWORD });
  for (const l of core) await completeLesson(handle, user, { locale: "en", courseId: course.id, lessonId: l.id });
  if (withCheck) {
    const at = new Date().toISOString();
    await handle.db
      .insertInto("quiz_attempts")
      .values({ id: crypto.randomUUID(), user_id: user.id, course_id: course.id, lesson_id: "assessment-post", quiz_id: "form-a", started_at: at, finished_at: at, score: 0.8, source: "app", locale: "en" })
      .execute();
  }
  return user;
}

/** A second connection to the same database: another app instance. */
function secondInstance(handle: Db): Db {
  if (handle.store.kind === "sqlite") return createDb({ kind: "sqlite", file: handle.store.database.name });
  return createDb({ kind: "postgres", url: process.env.TEST_DATABASE_URL!, schema: handle.schema });
}

describe.each(testEngines())("certificates on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
  });
  afterAll(async () => cleanup());

  it("makes one signing key when two instances ask for it at once", async () => {
    const other = secondInstance(handle);
    try {
      const signers = await Promise.all([activeSigner(handle, "credentials", SECRET), activeSigner(other, "credentials", SECRET), activeSigner(handle, "credentials", SECRET)]);
      expect(new Set(signers.map((s) => s.kid)).size).toBe(1);
      expect(await activeKeyCount(handle, "credentials")).toBe(1);
      const row = await handle.db.selectFrom("signing_keys").selectAll().executeTakeFirstOrThrow();
      // The private key is sealed, never stored in the clear.
      expect(row.private_jwk).toMatch(/^v1\./);
      expect(row.private_jwk).not.toContain('"d"');
      await expect(activeSigner(handle, "credentials", "another-secret".padEnd(40, "y"))).rejects.toThrow(/cannot be decrypted/);
    } finally {
      await other.close();
    }
  });

  it("issues the course certificate only once the course is finished, once", async () => {
    const early = await finisher(handle, "Early", false);
    const standing = await courseEligibility(handle, early, "en", course.id);
    expect(standing).toMatchObject({ lessonsDone: core.length, lessonsTotal: core.length, postRequired: true, postDone: false, eligible: false, credentialId: null });
    await expect(issueCourseCertificate(handle, early, { locale: "en", courseId: course.id, printedName: "Early" }, opts)).rejects.toMatchObject({ key: "certificates.notFinished" });

    const amal = await finisher(handle, "Amal");
    const first = await issueCourseCertificate(handle, amal, { locale: "en", courseId: course.id, printedName: "Amal H." }, opts);
    const again = await issueCourseCertificate(handle, amal, { locale: "en", courseId: course.id, printedName: "Someone else" }, opts);
    expect(again).toEqual(first);
    expect(first.credential.credentialSubject.achievement.criteria.narrative).toBe(`Completed the course “${course.title}”: ${core.length} lessons and the final check.`);
    expect((await courseEligibility(handle, amal, "en", course.id))?.credentialId).toBe(first.id);
    const result = await verifyById(handle, first.id);
    expect(result).toMatchObject({ state: "valid", summary: { id: first.id, name: "Amal H.", issuerId: opts.origin } });
    // The file verifies as it was downloaded, and not once changed.
    const file = await credentialFile(handle, first.id);
    expect((await verifyText(handle, JSON.stringify(file))).state).toBe("valid");
    const changed = JSON.parse(JSON.stringify(file));
    changed.credential.credentialSubject.identifier[0].identityHash = "Somebody";
    expect((await verifyText(handle, JSON.stringify(changed))).state).toBe("tampered");
    // The verification says nothing about the account.
    const shown = JSON.stringify(result);
    for (const secret of [amal.id, "@example.org", "0.8"]) expect(shown).not.toContain(secret);
  });

  it("keeps verifying what a rotated key signed, and signs new credentials with the new key", async () => {
    const before = await finisher(handle, "Before");
    const old = await issueCourseCertificate(handle, before, { locale: "en", courseId: course.id, printedName: null }, opts);
    const { kid, retired } = await rotateSigningKey(handle, "credentials", SECRET);
    expect(retired).toHaveLength(1);
    expect(await activeKeyCount(handle, "credentials")).toBe(1);
    const after = await finisher(handle, "After");
    const fresh = await issueCourseCertificate(handle, after, { locale: "en", courseId: course.id, printedName: null }, opts);
    const kidOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[0], "base64url").toString()).kid;
    expect(kidOf(fresh.jwt)).toBe(kid);
    expect(kidOf(old.jwt)).toBe(retired[0]);
    expect((await publishedKeys(handle, "credentials")).map((k) => k.kid)).toEqual(expect.arrayContaining([kid, retired[0]]));
    expect(await verifyById(handle, old.id)).toMatchObject({ state: "valid", summary: { name: null } });
    expect((await verifyById(handle, fresh.id))?.state).toBe("valid");
  });

  it("revokes on withdrawal and on deleting the account, in the signed status list too", async () => {
    const wendy = await finisher(handle, "Wendy");
    const w = await issueCourseCertificate(handle, wendy, { locale: "en", courseId: course.id, printedName: "Wendy" }, opts);
    await revokeMyCredential(handle, wendy, w.id);
    expect((await verifyById(handle, w.id))?.state).toBe("revoked");
    await expect(credentialFile(handle, w.id)).rejects.toMatchObject({ key: "notFound.credential" });

    const dan = await finisher(handle, "Dan");
    const d = await issueCourseCertificate(handle, dan, { locale: "en", courseId: course.id, printedName: "Dan" }, opts);
    const data = (await exportMyData(handle, dan)) as unknown as { credentials: { id: string; jwt: string }[] };
    expect(data.credentials).toEqual([expect.objectContaining({ id: d.id, jwt: d.jwt })]);
    await deleteMyAccount(handle, dan, PASSWORD);
    expect(await handle.db.selectFrom("credentials").select("id").where("id", "=", d.id).execute()).toEqual([]);
    expect(await verifyById(handle, d.id)).toEqual({ state: "withdrawn" });
    // A copy the person kept verifies as revoked: the status position stays, its bit now set.
    expect((await verifyText(handle, d.jwt)).state).toBe("revoked");
    const position = Number(d.credential.credentialStatus.statusListIndex);
    expect(await revokedPositions(handle, "1")).toEqual(expect.arrayContaining([position]));
    const jwt = (await statusListJwt(handle, "1", opts))!;
    const list = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString()).credentialSubject.encodedList as string;
    const bits = decodeStatusList(list)!;
    expect(statusBit(bits, position)).toBe(true);
    expect(statusBit(bits, Number(w.credential.credentialStatus.statusListIndex))).toBe(true);
    expect(await verifyById(handle, crypto.randomUUID())).toBeUndefined();
  });

  describe("attendance", () => {
    let owner: SessionUser;
    let other: SessionUser;
    let member: SessionUser;
    let nickname: SessionUser;
    let cohortId: string;

    beforeAll(async () => {
      owner = await createAccount(handle, { email: `owner-${engine.name}@example.org`, displayName: "Olga", password: PASSWORD, role: "facilitator" });
      other = await createAccount(handle, { email: `other-${engine.name}@example.org`, displayName: "Otto", password: PASSWORD, role: "facilitator" });
      member = await createAccount(handle, { email: `member-${engine.name}@example.org`, displayName: "Mina", password: PASSWORD });
      const group = await createCohort(handle, owner, { name: "Tuesday hall", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
      cohortId = group.id;
      await joinCohort(handle, member, group.joinCode);
      const joined = await joinWithNickname(handle, { code: group.joinCode, nickname: "Sam" });
      nickname = { id: joined.userId, role: "learner", displayName: "Sam" };
    });

    it("is given by the group's facilitators only, to its members only, once per day", async () => {
      await expect(awardAttendance(handle, other, cohortId, { date: "2026-11-03", members: [member.id] })).rejects.toMatchObject({ key: "notFound.group" });
      await expect(awardAttendance(handle, member, cohortId, { date: "2026-11-03", members: [member.id] })).rejects.toMatchObject({ code: "not_found" });
      await expect(awardAttendance(handle, owner, cohortId, { date: "2026-11-03", members: [other.id] })).rejects.toMatchObject({ key: "certificates.notMembers" });
      expect(await awardAttendance(handle, owner, cohortId, { date: "2026-11-03", members: [member.id, nickname.id] })).toEqual({ awarded: 2, date: "2026-11-03" });
      expect(await awardAttendance(handle, owner, cohortId, { date: "2026-11-03", members: [member.id] })).toEqual({ awarded: 0, date: "2026-11-03" });
      const view = await attendanceView(handle, owner, cohortId);
      expect(view.members.map((m) => [m.name, m.awards])).toEqual([
        ["Mina", ["2026-11-03"]],
        [expect.any(String), ["2026-11-03"]],
      ]);
    });

    it("is given to every member who joined one of the group's live sessions, for its day", async () => {
      const live = await createLiveSession(handle, owner, { cohortId });
      await expect(awardAttendance(handle, owner, cohortId, { liveSessionId: live.id })).rejects.toMatchObject({ key: "certificates.noAttendees" });
      await joinLiveSession(handle, { user: member }, { code: live.code }, UNKNOWN_CLIENT);
      const day = new Date().toISOString().slice(0, 10);
      expect(await awardAttendance(handle, owner, cohortId, { liveSessionId: live.id })).toEqual({ awarded: 1, date: day });
      // Another group's session, or a session id that names none: not found.
      await expect(awardAttendance(handle, owner, cohortId, { liveSessionId: crypto.randomUUID() })).rejects.toMatchObject({ key: "notFound.liveSession" });
      const view = await attendanceView(handle, owner, cohortId);
      expect(view.sessions).toEqual([{ id: live.id, date: day, members: 1 }]);
      expect(view.members.find((m) => m.id === member.id)?.awards.sort()).toEqual(["2026-11-03", day].sort());
    });

    it("is issued by the member with the name they choose, or none, and is distinct from completion", async () => {
      const mine = await myCertificates(handle, nickname, "en");
      expect(mine.accountName).toBeNull();
      const award = mine.credentials.find((c) => c.kind === "attended")!;
      expect(award).toMatchObject({ issuedAt: null, groupName: "Tuesday hall", sessionDate: "2026-11-03" });
      // Nobody else can issue it.
      await expect(issueCredential(handle, member, { credentialId: award.id, printedName: "Mina" }, opts)).rejects.toMatchObject({ key: "notFound.credential" });
      const issued = await issueCredential(handle, nickname, { credentialId: award.id, printedName: null }, opts);
      expect(issued.credential.credentialSubject.achievement.achievementType).toBe("ext:Attendance");
      expect(issued.credential.credentialSubject.achievement.criteria.narrative).toBe("Attended the workshop of the group “Tuesday hall” on November 3, 2026.");
      const result = await verifyById(handle, award.id);
      expect(result).toMatchObject({ state: "valid", summary: { name: null } });
      const shown = JSON.stringify(result);
      for (const hidden of [nickname.id, cohortId, owner.id, "Sam", "Olga"]) expect(shown).not.toContain(hidden);
      expect((await myCertificates(handle, member, "en")).accountName).toBe("Mina");
    });
  });
  // Last: from here on an LRS is set up for this database.
  it("queues one xAPI statement with the certificate when an LRS is set up, none for a second issue", async () => {
    const noLrs = await finisher(handle, "Before LRS");
    await issueCourseCertificate(handle, noLrs, { locale: "en", courseId: course.id, printedName: null }, opts);
    expect(await handle.db.selectFrom("xapi_outbox").select("id").where("user_id", "=", noLrs.id).execute()).toEqual([]);

    await setUpLrs(handle);
    const learner = await finisher(handle, "With LRS");
    const before = await handle.db.selectFrom("xapi_outbox").select("id").where("user_id", "=", learner.id).execute();
    const issued = await issueCourseCertificate(handle, learner, { locale: "en", courseId: course.id, printedName: "Lina" }, opts);
    await issueCourseCertificate(handle, learner, { locale: "en", courseId: course.id, printedName: "Lina" }, opts);
    const queued = await handle.db.selectFrom("xapi_outbox").select(["statement"]).where("user_id", "=", learner.id).where("id", "not in", before.length ? before.map((b) => b.id) : [""]).execute();
    expect(queued).toHaveLength(1);
    const statement = JSON.parse(queued[0].statement);
    expect(statement.verb.id).toMatch(/earned$/);
    expect(JSON.stringify(statement)).toContain(`/en/verify/${issued.id}`);
    // The learner is a pseudonym there, never their account id or name.
    expect(queued[0].statement).not.toContain(learner.id);
    expect(queued[0].statement).not.toContain("Lina");
  });
});
