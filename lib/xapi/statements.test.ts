import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import validate from "xapi-validation";
import { nameUuid, pseudonym } from "./crypto";
import { actorFor, statementForAnswer, statementForAttempt, statementForCompletion, statementForCredential, voidingStatement, VERBS, type Statement, type XapiTarget } from "./statements";

const target: XapiTarget = { base: "https://commonground.example", salt: "salt-of-this-installation" };
const user = "3b241101-e2bb-4255-8caf-4136c566a962";
const at = "2026-12-07T10:00:00.000Z";
const answer = {
  id: "6fa459ea-ee8a-4ca4-894e-db77e160355e",
  userId: user,
  attemptId: "0b7f8c7e-5a41-4f1e-9d8c-2f2b8d6c1e11",
  locale: "fr",
  courseId: "responding-well",
  lessonId: "spotting-signs",
  questionId: "first-step",
  chosen: ["talk-to-them"],
  points: 1,
  correct: true,
  answeredAt: at,
};

/** Every problem xapi-validation (Learning Locker's conformance-tested validator) finds. */
const problems = (s: Statement) => validate(JSON.parse(JSON.stringify(s))).map((w) => `${w.path.join(".")}: ${w.constructor.name}`);

describe("xAPI statements", () => {
  const all: [string, Statement][] = [
    ["answer", statementForAnswer(target, answer)],
    ["sort answer", statementForAnswer(target, { ...answer, chosen: ["a:safe", "b:unsafe"], points: 0.5, correct: false })],
    ["empty discernment answer", statementForAnswer(target, { ...answer, chosen: [], points: 0.75, correct: false })],
    ["check item", statementForAnswer(target, { ...answer, lessonId: "assessment-pre", form: "b" })],
    ["check item without forms", statementForAnswer(target, { ...answer, lessonId: "assessment-post" })],
    ["booster answer", statementForAnswer(target, { ...answer, lessonId: "booster-week-1" })],
    ["lesson quiz", statementForAttempt(target, { attemptId: answer.attemptId, userId: user, locale: "ar", courseId: "responding-well", lessonId: "spotting-signs", score: 2 / 3, passed: true, finishedAt: at })],
    ["check", statementForAttempt(target, { attemptId: answer.attemptId, userId: user, locale: "en", courseId: "responding-well", lessonId: "assessment-post", score: 0.4, passed: false, finishedAt: at })],
    ["completion", statementForCompletion(target, { userId: user, locale: "es", courseId: "responding-well", lessonId: "spotting-signs", completedAt: at })],
    ["credential", statementForCredential(target, { credentialId: "urn:uuid:1234", userId: user, locale: "en", courseId: "responding-well", achievement: "completed", issuedAt: at, verifyUrl: "https://commonground.example/en/verify/abc" })],
    ["attendance", statementForCredential(target, { credentialId: "c-2", userId: user, locale: "en", courseId: "responding-well", achievement: "attended", issuedAt: at })],
    ["voiding", voidingStatement(target, answer.id, at)],
  ];

  it.each(all)("a %s statement is valid xAPI", (_name, statement) => {
    expect(problems(statement)).toEqual([]);
  });

  it("the validator does find problems (a test of the test)", () => {
    const broken = { ...statementForAnswer(target, answer), id: "not-a-uuid", verb: { id: "answered", display: { "en-US": "answered" } } };
    expect(problems(broken as Statement).length).toBeGreaterThanOrEqual(2);
  });

  it("uses the answer's client id, the locale and stable activity ids without the locale", () => {
    const s = statementForAnswer(target, answer);
    expect(s.id).toBe(answer.id);
    expect(s.context?.language).toBe("fr");
    expect(s.context?.registration).toBe(answer.attemptId);
    expect(s.object).toMatchObject({ id: "https://commonground.example/activities/responding-well/lessons/spotting-signs/questions/first-step" });
    expect(s.context?.contextActivities?.parent?.[0].id).toBe("https://commonground.example/activities/responding-well/lessons/spotting-signs");
    expect(s.context?.contextActivities?.grouping?.[0].id).toBe("https://commonground.example/activities/responding-well");
    expect(s.result).toEqual({ success: true, response: "talk-to-them", score: { scaled: 1, raw: 1, min: 0, max: 1 } });
    // The same answer in another language is the same activity.
    expect(statementForAnswer(target, { ...answer, locale: "ar" }).object).toEqual(s.object);
  });

  it("names a check item by its form, whichever slot it was taken in", () => {
    const pre = statementForAnswer(target, { ...answer, lessonId: "assessment-pre", form: "a" });
    const post = statementForAnswer(target, { ...answer, lessonId: "assessment-post", form: "a" });
    expect(pre.object.id).toBe("https://commonground.example/activities/responding-well/check-forms/a/questions/first-step");
    expect(post.object.id).toBe(pre.object.id);
    expect(pre.context?.contextActivities?.parent?.[0].id).toMatch(/\/checks\/pre$/);
    // A course without check forms: the question under its slot.
    expect(statementForAnswer(target, { ...answer, lessonId: "assessment-pre" }).object.id).toBe("https://commonground.example/activities/responding-well/checks/pre/questions/first-step");
  });

  it("names the learner by a pseudonym: never the account id, the same in every statement", () => {
    const actor = actorFor(target, user);
    expect(actor).toEqual({ objectType: "Agent", account: { homePage: "https://commonground.example", name: pseudonym(target.salt, user) } });
    expect(actor.account.name).not.toContain(user);
    expect(JSON.stringify(all.map(([, s]) => s))).not.toContain(user);
    expect(actorFor({ ...target, salt: "another" }, user).account.name).not.toBe(actor.account.name);
    expect(statementForCompletion(target, { userId: user, locale: "en", courseId: "responding-well", lessonId: "spotting-signs", completedAt: at }).actor).toEqual(actor);
  });

  it("passes or fails a quiz, and completes a check with its score and no success", () => {
    const base = { attemptId: answer.attemptId, userId: user, locale: "en", courseId: "responding-well", score: 0.5, finishedAt: at };
    expect(statementForAttempt(target, { ...base, lessonId: "spotting-signs", passed: false }).verb.id).toBe(VERBS.failed);
    expect(statementForAttempt(target, { ...base, lessonId: "spotting-signs", passed: true }).verb.id).toBe(VERBS.passed);
    const check = statementForAttempt(target, { ...base, lessonId: "assessment-pre", passed: true });
    expect(check.verb.id).toBe(VERBS.completed);
    expect(check.result).toEqual({ completion: true, score: { scaled: 0.5, raw: 0.5, min: 0, max: 1 } });
  });

  it("gives a completion the same id on a resend and a new one when marked done again", () => {
    const f = { userId: user, locale: "en", courseId: "responding-well", lessonId: "spotting-signs", completedAt: at };
    expect(statementForCompletion(target, f).id).toBe(statementForCompletion(target, f).id);
    expect(statementForCompletion(target, { ...f, completedAt: "2026-12-08T10:00:00.000Z" }).id).not.toBe(statementForCompletion(target, f).id);
  });

  it("voids as the app, naming only the statement", () => {
    const v = voidingStatement(target, answer.id, at);
    expect(v.object).toEqual({ objectType: "StatementRef", id: answer.id });
    expect(v.actor.account.name).toBe("common-ground");
    expect(v.id).toBe(nameUuid(`void\n${answer.id}`));
  });

  it("never sends the keys of a question (no correct responses pattern)", () => {
    expect(JSON.stringify(all.map(([, s]) => s))).not.toContain("correctResponsesPattern");
  });

  it("is never built from anonymous attitude answers (lib/attitudes does not import it)", () => {
    const dir = path.join(__dirname, "..", "attitudes");
    for (const file of fs.readdirSync(dir)) {
      expect(fs.readFileSync(path.join(dir, file), "utf8"), file).not.toMatch(/xapi/i);
    }
  });
});
