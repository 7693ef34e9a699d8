// The fuzz table: every JSON route handler with the shape of a valid request. The generators in
// values.ts break these shapes; tests/fuzz/endpoints.fuzz.test.ts runs them against a seeded world.
import fc from "fast-check";
import type { SessionUser } from "@/lib/auth/accounts";
import { getForms } from "@/lib/content";
import type { Method } from "./http";
import type { Json } from "./values";
import { PASSWORD, type World } from "./world";

export interface Endpoint {
  route: string;
  method: Method;
  load: () => Promise<Record<string, unknown>>;
  /** A valid body (before mutation); omitted for GET. */
  body?: (w: World) => fc.Arbitrary<Json>;
  /** Valid query values for GET. */
  query?: (w: World) => Record<string, fc.Arbitrary<string>>;
  /** Ids to draw each path segment from (mixed with random UUIDs and junk). */
  params?: (w: World) => Record<string, string[]>;
  /** Segments that belong together (a group and one of its learners), drawn half of the time. */
  paramSets?: (w: World) => Record<string, string>[];
  /** Who may be signed in; everyone in the world (and nobody) by default. */
  callers?: (w: World) => (SessionUser | null)[];
}

const userIds = (w: World) => Object.values(w.users).map((u) => u.id);
const cohortIds = (w: World) => Object.values(w.cohorts).map((c) => c.id);
const cohortParam = (w: World) => ({ cohort: [...cohortIds(w), w.users.f1.id] });
/** The world's invitations, and a cohort id (a valid UUID that names no invitation). */
const invitationIds = (w: World) => [...Object.values(w.invitations).map((i) => i.id), w.cohorts.c1.id];
/** The world's live sessions, and a cohort id (a valid UUID that names no session). */
const liveParam = (w: World) => ({ session: [w.live.group.id, w.live.adhoc.id, w.cohorts.c1.id] });
const lessonIds = (w: World) => [w.lesson, "assessment-pre", "assessment-post", "booster-week-1", "no-such-lesson"];
/** An LMS registration: mostly valid (an admin's is then stored), sometimes a plain-http or odd URL. */
const lmsUrl = (path: string) => fc.constantFrom(`https://lms.example${path}`, `https://lms.example${path}`, `http://lms.example${path}`, "not a url");
const platformBody = fc.record({
  name: fc.constantFrom("School LMS", ""),
  issuer: lmsUrl(""),
  clientId: fc.constantFrom("tool-1", "tool-2"),
  authEndpoint: lmsUrl("/auth"),
  jwksUrl: lmsUrl("/jwks"),
  tokenUrl: lmsUrl("/token"),
  deploymentIds: fc.constantFrom<string[]>(["d-1"], [], ["d-1", "d-2"]),
});
/** Mostly the valid value, so requests get past validation; sometimes a near miss. */
const mostly = <T>(value: T, ...others: T[]) => fc.oneof({ arbitrary: fc.constant(value), weight: 4 }, { arbitrary: fc.constantFrom(...others), weight: 1 });
const locale = mostly("en", "fr", "en-GB", "xx");
/** A group report's language filter (issue #25): none (all languages), a known locale, or not one. */
const reportLocale = () => ({ locale: fc.constantFrom("", "en", "fr", "xx", "../en") });
const lessonRef = (w: World) => fc.record({ locale, courseId: mostly(w.course, "other-course"), lessonId: fc.constantFrom(...lessonIds(w)) });
/** Join codes: mostly wrong, sometimes one of the world's (nickname joins hash a passphrase: slow). */
const code = (w: World, worldWeight: number) =>
  fc.oneof(
    { arbitrary: fc.constantFrom("NOPE2345", "AAAA222", "", "ZZZZZZZZ", "0O1IL0O1"), weight: 20 },
    // The world's codes, as typed (lower case, dashes, spaces are forgiven).
    { arbitrary: fc.constantFrom(...w.codes).chain((c) => fc.constantFrom(c, c.toLowerCase(), `${c.slice(0, 4)}-${c.slice(4)}`, ` ${c} `)), weight: worldWeight },
  );

const get = (route: string, load: Endpoint["load"], extra: Partial<Endpoint> = {}): Endpoint => ({ route, method: "GET", load, ...extra });

export const ENDPOINTS: Endpoint[] = [
  {
    route: "/api/account",
    method: "POST",
    load: () => import("@/app/api/account/route"),
    callers: () => [null],
    // Weak passwords are refused before hashing; a strong one (a real sign-up, ~0.2 s of argon2) is rare.
    body: (w) =>
      fc.record({
        email: fc.constantFrom("new.person@fuzz.example", w.users.l2.email!, "NEW.PERSON@FUZZ.EXAMPLE"),
        displayName: fc.constantFrom("Sam", "Zoë", " "),
        password: fc.oneof({ arbitrary: fc.constantFrom("password", "short", "aaaaaaaaaa", "sam12345"), weight: 60 }, { arbitrary: fc.constant("quiet harbour lantern 42"), weight: 1 }),
        role: fc.constantFrom("learner", "facilitator", "admin"),
      }),
  },
  {
    route: "/api/account",
    method: "DELETE",
    load: () => import("@/app/api/account/route"),
    // Any non-empty password costs an argon2 verify (~20 ms): most bodies are refused before it.
    body: () => fc.record({ password: fc.oneof({ arbitrary: fc.constant(""), weight: 20 }, { arbitrary: fc.constant("not my password"), weight: 2 }, { arbitrary: fc.constant(PASSWORD), weight: 1 }) }),
  },
  {
    route: "/api/account/password",
    method: "POST",
    load: () => import("@/app/api/account/password/route"),
    // Weak or repeated new passwords are refused before any hashing; a right current one (an argon2
    // verify and hash, and every session of the caller ended) is rare.
    body: () =>
      fc.record({
        currentPassword: fc.oneof({ arbitrary: fc.constantFrom("", "not my password"), weight: 20 }, { arbitrary: fc.constant(PASSWORD), weight: 1 }),
        newPassword: fc.oneof({ arbitrary: fc.constantFrom("", "short", "password", PASSWORD), weight: 20 }, { arbitrary: fc.constant("quiet harbour lantern 42"), weight: 2 }),
      }),
  },
  // The caller's language: mostly one the app offers, sometimes one it does not (refused, 400).
  { route: "/api/account/locale", method: "POST", load: () => import("@/app/api/account/locale/route"), body: () => fc.record({ locale }) },
  get("/api/account/export", () => import("@/app/api/account/export/route")),
  get("/api/attitudes", () => import("@/app/api/attitudes/route"), { query: (w) => ({ courseId: fc.constantFrom(w.course, "other-course"), form: fc.constantFrom("pre", "post", "mid") }) }),
  {
    route: "/api/attitudes",
    method: "POST",
    load: () => import("@/app/api/attitudes/route"),
    body: (w) =>
      fc.record({
        courseId: fc.constantFrom(w.course, "other-course"),
        form: fc.constantFrom("pre", "post"),
        // Mostly the device's mechanism; sometimes another or null (refused: "reload").
        mechanism: fc.oneof({ arbitrary: fc.constant("krr-5-ln3"), weight: 8 }, { arbitrary: fc.constantFrom("raw", null), weight: 1 }),
        submissionId: fc.uuid(),
        answers: fc.uniqueArray(fc.record({ itemId: fc.constantFrom(...w.attitudeItems, "not-a-statement"), value: fc.integer({ min: 0, max: 6 }) }), {
          minLength: 1,
          maxLength: 5,
          selector: (a) => a.itemId,
        }),
      }),
  },
  get("/api/cohorts/[cohort]/attitudes", () => import("@/app/api/cohorts/[cohort]/attitudes/route"), { params: cohortParam }),
  get("/api/cohorts/[cohort]/progress", () => import("@/app/api/cohorts/[cohort]/progress/route"), { params: cohortParam }),
  { route: "/api/account/sign-out-everywhere", method: "POST", load: () => import("@/app/api/account/sign-out-everywhere/route"), body: () => fc.constant({}) },
  {
    route: "/api/admin/facilitators/[facilitator]/suspend",
    method: "POST",
    load: () => import("@/app/api/admin/facilitators/[facilitator]/suspend/route"),
    params: (w) => ({ facilitator: userIds(w) }),
    body: () => fc.record({ suspended: fc.boolean() }),
  },
  {
    route: "/api/admin/xapi",
    method: "POST",
    load: () => import("@/app/api/admin/xapi/route"),
    // Switched off, at addresses that refuse at once (port 9): a fuzzed save never sends anything.
    body: () =>
      fc.record({
        endpoint: fc.constantFrom("http://127.0.0.1:9/xapi/", "https://127.0.0.1:9/lrs", "ftp://x", "http://user:pw@127.0.0.1:9/", "not a url"),
        key: fc.constantFrom("key", ""),
        secret: fc.constantFrom("secret", ""),
        version: fc.constantFrom("1.0.3", "2.0.0", "0.9"),
        enabled: fc.constant(false),
        activityBase: fc.constantFrom("https://commonground.example", "javascript:alert(1)"),
      }),
  },
  { route: "/api/admin/xapi/test", method: "POST", load: () => import("@/app/api/admin/xapi/test/route"), body: () => fc.constant({}) },
  { route: "/api/admin/xapi/retry", method: "POST", load: () => import("@/app/api/admin/xapi/retry/route"), body: () => fc.constant({}) },
  {
    route: "/api/cohorts/[cohort]/archive",
    method: "POST",
    load: () => import("@/app/api/cohorts/[cohort]/archive/route"),
    params: cohortParam,
    body: () => fc.record({ archived: fc.boolean() }),
  },
  get("/api/cohorts/[cohort]/assignments", () => import("@/app/api/cohorts/[cohort]/assignments/route"), { params: cohortParam }),
  {
    route: "/api/cohorts/[cohort]/assignments",
    method: "POST",
    load: () => import("@/app/api/cohorts/[cohort]/assignments/route"),
    params: cohortParam,
    body: (w) => fc.record({ activityId: fc.constantFrom(...lessonIds(w)), dueAt: fc.constantFrom("2030-05-01", null, "2026-02-30", "2026-13-01", "1999-01-01") }),
  },
  {
    route: "/api/cohorts/[cohort]/assignments",
    method: "DELETE",
    load: () => import("@/app/api/cohorts/[cohort]/assignments/route"),
    params: cohortParam,
    body: (w) => fc.record({ activityId: fc.constantFrom(...lessonIds(w)) }),
  },
  get("/api/cohorts/[cohort]/bias", () => import("@/app/api/cohorts/[cohort]/bias/route"), { params: cohortParam }),
  // ?locale= is the CSV's language (the group page's), not a filter: an unknown one falls back.
  get("/api/cohorts/[cohort]/export", () => import("@/app/api/cohorts/[cohort]/export/route"), { params: cohortParam, query: reportLocale }),
  get("/api/cohorts/[cohort]/gain", () => import("@/app/api/cohorts/[cohort]/gain/route"), { params: cohortParam, query: reportLocale }),
  get("/api/cohorts/[cohort]/items", () => import("@/app/api/cohorts/[cohort]/items/route"), { params: cohortParam, query: reportLocale }),
  {
    route: "/api/cohorts/[cohort]/learners/[learner]/lift-throttle",
    method: "POST",
    load: () => import("@/app/api/cohorts/[cohort]/learners/[learner]/lift-throttle/route"),
    params: (w) => ({ ...cohortParam(w), learner: userIds(w) }),
    paramSets: (w) => w.memberships,
    body: () => fc.constant({}),
  },
  {
    route: "/api/cohorts/[cohort]/learners/[learner]/reset-passphrase",
    method: "POST",
    load: () => import("@/app/api/cohorts/[cohort]/learners/[learner]/reset-passphrase/route"),
    params: (w) => ({ ...cohortParam(w), learner: userIds(w) }),
    paramSets: (w) => w.memberships,
    body: () => fc.constant({}),
  },
  get("/api/cohorts/[cohort]/invitations", () => import("@/app/api/cohorts/[cohort]/invitations/route"), { params: cohortParam }),
  {
    route: "/api/cohorts/[cohort]/invitations",
    method: "POST",
    load: () => import("@/app/api/cohorts/[cohort]/invitations/route"),
    params: cohortParam,
    // A facilitator's, a learner's, the caller's own (in capitals), nobody's: the answer must not differ.
    body: (w) => fc.record({ email: fc.constantFrom(w.users.f2.email!, w.users.l2.email!, "F1@FUZZ.EXAMPLE", "nobody@fuzz.example", "not-an-email") }),
  },
  {
    route: "/api/cohorts/[cohort]/invitations/[invitation]",
    method: "DELETE",
    load: () => import("@/app/api/cohorts/[cohort]/invitations/[invitation]/route"),
    params: (w) => ({ ...cohortParam(w), invitation: invitationIds(w) }),
    paramSets: (w) => Object.values(w.invitations).map((i) => ({ cohort: i.cohort, invitation: i.id })),
    body: () => fc.constant({}),
  },
  get("/api/cohorts/[cohort]/roster", () => import("@/app/api/cohorts/[cohort]/roster/route"), { params: cohortParam, query: reportLocale }),
  get("/api/cohorts/[cohort]/hall-export", () => import("@/app/api/cohorts/[cohort]/hall-export/route"), { params: cohortParam }),
  {
    route: "/api/cohorts/[cohort]/hall-import",
    method: "POST",
    load: () => import("@/app/api/cohorts/[cohort]/hall-import/route"),
    params: cohortParam,
    // Files near a hall export's shape: the import must refuse each with a 4xx, never a 500.
    body: (w) =>
      fc.record({
        confirm: fc.boolean(),
        file: fc.oneof(
          fc.constant({}),
          fc.record({
            format: mostly("common-ground-hall-export", "other"),
            version: mostly(1, 2, 0),
            exportedAt: mostly("2026-11-01T12:00:00.000Z", "yesterday"),
            group: fc.record({ id: fc.constantFrom(w.cohorts.c1.id, "00000000-0000-4000-8000-000000000000"), name: fc.constantFrom("Hall", ""), courseId: mostly(w.course, "other-course"), locale }),
            learners: fc.array(fc.record({ id: fc.uuid(), displayName: fc.constantFrom("Ada", "\u202E", ""), joinedAt: fc.constant("2026-11-01T09:00:00.000Z") }), { maxLength: 3 }),
            completions: fc.constant([] as Json[]),
            attempts: fc.constant([] as Json[]),
            responses: fc.constant([] as Json[]),
            arms: fc.constant([] as Json[]),
          }),
        ),
      }),
  },
  {
    route: "/api/cohorts/[cohort]",
    method: "DELETE",
    load: () => import("@/app/api/cohorts/[cohort]/route"),
    params: cohortParam,
    body: () => fc.record({ confirm: fc.constant(true) }),
  },
  get("/api/cohorts", () => import("@/app/api/cohorts/route")),
  {
    route: "/api/cohorts",
    method: "POST",
    load: () => import("@/app/api/cohorts/route"),
    body: (w) =>
      fc.record({
        name: fc.constantFrom("Thursday class", "Hall group"),
        kind: fc.constantFrom("workshop", "class"),
        locale,
        trackId: fc.constantFrom("workshop", "school", "self-paced", "nope"),
        coFacilitatorEmails: fc.subarray([w.users.f2.email!, w.users.l2.email!, w.users.suspended.email!, "nobody@fuzz.example"], { maxLength: 2 }),
      }),
  },
  {
    route: "/api/join/nickname",
    method: "POST",
    load: () => import("@/app/api/join/nickname/route"),
    callers: () => [null],
    body: (w) => fc.record({ code: code(w, 1), nickname: fc.constantFrom("Green Owl", "Zoë", "x") }),
  },
  { route: "/api/join", method: "POST", load: () => import("@/app/api/join/route"), body: (w) => fc.record({ code: code(w, 5) }) },
  get("/api/me/assignments", () => import("@/app/api/me/assignments/route")),
  get("/api/invitations", () => import("@/app/api/invitations/route")),
  {
    route: "/api/invitations/[invitation]/accept",
    method: "POST",
    load: () => import("@/app/api/invitations/[invitation]/accept/route"),
    params: (w) => ({ invitation: invitationIds(w) }),
    body: () => fc.constant({}),
  },
  {
    route: "/api/invitations/[invitation]",
    method: "DELETE",
    load: () => import("@/app/api/invitations/[invitation]/route"),
    params: (w) => ({ invitation: invitationIds(w) }),
    body: () => fc.constant({}),
  },
  {
    route: "/api/progress/answers",
    method: "POST",
    load: () => import("@/app/api/progress/answers/route"),
    body: (w) => {
      const attempts = Object.values(w.attempts);
      return fc.record({
        id: fc.oneof(fc.uuid(), fc.constantFrom(...attempts.map((a) => a.response))),
        attemptId: fc.oneof(fc.uuid(), fc.constantFrom(...attempts.flatMap((a) => [a.open, a.finished]))),
        locale,
        courseId: fc.constant(w.course),
        lessonId: mostly(w.lesson, ...lessonIds(w).slice(1)),
        questionId: fc.constantFrom(...w.questionIds, "no-such-question"),
        chosen: fc.subarray(w.optionIds, { maxLength: 2 }),
      });
    },
  },
  {
    route: "/api/quiz/grade",
    method: "POST",
    load: () => import("@/app/api/quiz/grade/route"),
    body: (w) => {
      // Mostly a check on form A (its questions and options); sometimes form B, a lesson, a booster or junk.
      const pre = getForms("en", w.course).a?.questions ?? [];
      return fc.record({
        locale,
        courseId: mostly(w.course, "other-course"),
        lessonId: mostly("assessment-pre", ...lessonIds(w)),
        questionId: fc.constantFrom(...pre.map((q) => q.id), ...w.questionIds, "no-such-question"),
        chosen: fc.subarray([...new Set([...pre.flatMap((q) => q.options.map((o) => o.id)), ...w.optionIds])], { maxLength: 3 }),
        form: fc.option(mostly("a", "b", "c"), { nil: undefined }),
      });
    },
  },
  {
    route: "/api/progress/arms",
    method: "POST",
    load: () => import("@/app/api/progress/arms/route"),
    body: (w) => fc.record({ locale, courseId: mostly(w.course, "other-course", "../etc") }),
  },
  {
    route: "/api/progress/attempts/finish",
    method: "POST",
    load: () => import("@/app/api/progress/attempts/finish/route"),
    body: (w) => fc.record({ attemptId: fc.oneof(fc.uuid(), fc.constantFrom(...Object.values(w.attempts).flatMap((a) => [a.open, a.finished]))), locale }),
  },
  { route: "/api/progress/lessons", method: "POST", load: () => import("@/app/api/progress/lessons/route"), body: lessonRef },
  { route: "/api/progress/lessons", method: "DELETE", load: () => import("@/app/api/progress/lessons/route"), body: lessonRef },
  {
    route: "/api/progress/merge",
    method: "POST",
    load: () => import("@/app/api/progress/merge/route"),
    body: (w) =>
      fc.record({
        lessons: fc.dictionary(
          fc.constantFrom(`en/${w.course}/${w.lesson}`, `en/${w.course}/assessment-pre`, `en/${w.course}/nope`, `fr/${w.course}/${w.lesson}`),
          fc.record(
            {
              doneAt: fc.constantFrom("2026-01-01T00:00:00.000Z", "2999-01-01", "yesterday"),
              bestPercent: fc.integer({ min: 0, max: 100 }),
              lastPercent: fc.integer({ min: 0, max: 100 }),
              attempts: fc.nat(10),
            },
            { requiredKeys: [] },
          ),
          { maxKeys: 3 },
        ),
      }),
  },
  get("/api/progress", () => import("@/app/api/progress/route"), { query: () => ({ locale }) }),
  {
    route: "/api/live",
    method: "POST",
    load: () => import("@/app/api/live/route"),
    body: (w) =>
      fc.record(
        { cohortId: fc.constantFrom(...cohortIds(w), w.users.f1.id), locale, courseId: mostly(w.course, "other-course"), trackId: fc.constantFrom("workshop", "school", "no-plan") },
        { requiredKeys: [] },
      ),
  },
  {
    route: "/api/live/join",
    method: "POST",
    load: () => import("@/app/api/live/join/route"),
    body: (w) => fc.record({ code: fc.oneof(code(w, 5), fc.constantFrom(w.live.group.code, w.live.adhoc.code)), nickname: fc.constantFrom("Sam", "", " ", "A\u202eB", "x".repeat(40)) }, { requiredKeys: ["code"] }),
  },
  {
    route: "/api/live/[session]/control",
    method: "POST",
    load: () => import("@/app/api/live/[session]/control/route"),
    params: liveParam,
    body: (w) =>
      fc.oneof(
        fc.record({ type: fc.constantFrom("start", "next", "reveal", "open-voting", "close-voting", "follow", "back", "end") }),
        fc.record({ type: fc.constant("goto"), key: fc.constantFrom("lobby", w.liveRound, "question:nope") }),
        fc.record({ type: fc.constant("names"), show: fc.boolean() }),
        fc.record({ type: fc.constant("skip"), key: fc.constantFrom("lobby", w.liveRound), skip: fc.boolean() }),
        fc.record({ type: fc.constant("reorder"), keys: fc.constantFrom<string[]>(["lobby", w.liveRound], [w.liveRound, "lobby"], ["lobby"]) }),
        fc.record({ type: fc.constant("add"), step: fc.record({ kind: fc.constantFrom("question", "discernment"), lesson: mostly(w.lesson, "assessment-pre", "no-such-lesson"), question: fc.constantFrom(...w.questionIds, "nope") }) }),
        fc.record({ type: fc.constant("add"), step: fc.record({ kind: fc.constant("check"), slot: fc.constantFrom("pre", "post") }) }),
      ),
  },
  {
    route: "/api/live/[session]/answers",
    method: "POST",
    load: () => import("@/app/api/live/[session]/answers/route"),
    params: liveParam,
    body: (w) => fc.record({ id: fc.uuid(), round: fc.constantFrom(w.liveRound, "lobby"), chosen: fc.uniqueArray(fc.constantFrom(...w.liveOptions, "finished", "nope"), { minLength: 1, maxLength: 3 }) }),
  },
  ...(["preview", "apply"] as const).map(
    (step): Endpoint => ({
      route: `/api/rosters/${step}`,
      method: "POST",
      load: () => (step === "preview" ? import("@/app/api/rosters/preview/route") : import("@/app/api/rosters/apply/route")),
      // One class and one student: after the first apply the same roster changes nothing (and hashes no passphrase).
      body: () =>
        fc.record({
          classes: mostly("sourcedId,title\r\nfz-c1,Fuzz class\r\n", "", "sourcedId\nx\n", '"unclosed', "sourcedId,title\nfz-c1,A\nfz-c1,B\n"),
          users: mostly("sourcedId,givenName,familyName\r\nfz-u1,Fuzz,Learner\r\n", "", "sourcedId,givenName,familyName\nfz-u1,\u202Eevil,X\n"),
          enrollments: mostly("classSourcedId,userSourcedId,role\r\nfz-c1,fz-u1,student\r\n", "classSourcedId,userSourcedId,role\nnope,fz-u1,student\n", "classSourcedId,userSourcedId,role\nfz-c1,fz-u1,teacher\n"),
          locale,
          trackId: fc.constantFrom("school", "workshop", "nope"),
        }),
    }),
  ),
  get("/api/live/[session]/state", () => import("@/app/api/live/[session]/state/route"), {
    params: liveParam,
    query: () => ({ view: fc.constantFrom("facilitator", "projector", "participant", "admin") }),
  }),
  // Certificates (issue #27): nobody in the world has finished the course, so issuing is refused;
  // a facilitator's attendance awards reach only their groups' members.
  {
    route: "/api/credentials",
    method: "POST",
    load: () => import("@/app/api/credentials/route"),
    body: (w) =>
      fc.oneof(
        fc.record({ locale, courseId: mostly(w.course, "other-course"), printedName: fc.constantFrom("Sam", null, " ", "\u202Eevil") }),
        fc.record({ credentialId: fc.uuid(), printedName: fc.constantFrom("Sam", null) }),
      ),
  },
  get("/api/credentials/[credential]", () => import("@/app/api/credentials/[credential]/route"), { params: (w) => ({ credential: cohortIds(w) }) }),
  { route: "/api/credentials/[credential]", method: "DELETE", load: () => import("@/app/api/credentials/[credential]/route"), params: (w) => ({ credential: cohortIds(w) }), body: () => fc.constant({}) },
  get("/api/credentials/keys", () => import("@/app/api/credentials/keys/route")),
  get("/api/credentials/status/[list]", () => import("@/app/api/credentials/status/[list]/route"), { params: () => ({ list: ["1", "2", "x"] }) }),
  {
    route: "/api/credentials/verify",
    method: "POST",
    load: () => import("@/app/api/credentials/verify/route"),
    body: () => fc.record({ text: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("a.b.c", "eyJhbGciOiJFZERTQSJ9.e30.AAAA", '{"jwt":"a.b.c","credential":{}}')) }),
  },
  {
    route: "/api/cohorts/[cohort]/attendance",
    method: "POST",
    load: () => import("@/app/api/cohorts/[cohort]/attendance/route"),
    params: cohortParam,
    body: (w) =>
      fc.oneof(
        fc.record({ date: fc.constantFrom("2026-11-03", "2026-02-30", "yesterday"), members: fc.uniqueArray(fc.constantFrom(...userIds(w)), { minLength: 1, maxLength: 3 }) }),
        fc.record({ liveSessionId: fc.constantFrom(w.live.group.id, w.live.adhoc.id, w.cohorts.c1.id) }),
      ),
  },
  // LTI (issue #27): a teacher's deep-linking answer (no open request exists in the world: always
  // refused), and the admin's platform registrations.
  {
    route: "/api/lti/deep-link/[link]",
    method: "POST",
    load: () => import("@/app/api/lti/deep-link/[link]/route"),
    params: (w) => ({ link: userIds(w) }),
    body: (w) => fc.record({ locale, items: fc.constant<Json[]>([{ course: w.course, view: "course" }]) }),
  },
  { route: "/api/admin/lti/platforms", method: "POST", load: () => import("@/app/api/admin/lti/platforms/route"), body: () => platformBody },
  { route: "/api/admin/lti/platforms/[platform]", method: "POST", load: () => import("@/app/api/admin/lti/platforms/[platform]/route"), params: (w) => ({ platform: userIds(w) }), body: () => platformBody },
  { route: "/api/admin/lti/platforms/[platform]", method: "DELETE", load: () => import("@/app/api/admin/lti/platforms/[platform]/route"), params: (w) => ({ platform: userIds(w) }), body: () => fc.constant({}) },
];

/** Route methods deliberately not in the table, and why. The inventory test checks both lists. */
export const NOT_FUZZED: Record<string, string> = {
  "GET /api/health": "takes no input and touches no data",
  "GET /api/auth/[...nextauth]": "next-auth's own pages and session read; no body (session handling is covered by the e2e authorisation tests)",
  "POST /api/auth/[...nextauth]": "a form endpoint: fuzzed in tests/fuzz/sign-in.fuzz.test.ts",
  "GET /api/lti/login": "an LTI form endpoint (query or form body, no JSON, no session): its checks are tested in lib/lti/lti.db.test.ts, and e2e/lti.spec.ts launches through it",
  "POST /api/lti/login": "an LTI form endpoint (query or form body, no JSON, no session): its checks are tested in lib/lti/lti.db.test.ts, and e2e/lti.spec.ts launches through it",
  "POST /api/lti/launch": "an LTI form endpoint (a platform-signed id_token, no JSON, no session): expired, replayed, wrongly signed and misaddressed tokens are tested in lib/lti/verify.test.ts and lib/lti/lti.db.test.ts",
  "GET /api/lti/jwks": "takes no input and shows only the tool's public keys",
  "GET /api/live/[session]/events": "a stream that stays open while the session runs; it checks access with the same call as GET /api/live/[session]/state (fuzzed above), and the e2e matrix covers it",
};
