// Every route handler method of app/api, with the answer each caller must get (see model.ts).
import { all, cohortManage, cohortOwner, cohortRead, invitedOnly, learnersRecord, liveController, liveParticipant, ownRecord, s, signedIn, type RouteEntry, type WorldIds } from "./model";

/** A one-class, one-student OneRoster roster. */
const rosterBody = (w: WorldIds) => ({
  classes: "sourcedId,title\r\nmx-c1,Matrix roster class\r\n",
  users: "sourcedId,givenName,familyName\r\nmx-u1,Matrix,Student\r\n",
  enrollments: "classSourcedId,userSourcedId,role\r\nmx-c1,mx-u1,student\r\n",
  locale: w.locale,
  trackId: "school",
});

const lessonRef = (w: WorldIds) => ({ locale: w.locale, courseId: w.courseId, lessonId: w.otherLessonId });

/** An LMS's registration, unique to the world. */
const lmsRegistration = (w: WorldIds) => ({
  name: "Matrix LMS",
  issuer: `https://lms-${w.unique}.example`,
  clientId: "matrix-tool",
  authEndpoint: `https://lms-${w.unique}.example/auth`,
  jwksUrl: `https://lms-${w.unique}.example/jwks`,
  tokenUrl: `https://lms-${w.unique}.example/token`,
  deploymentIds: ["d-1"],
});

export const ROUTES: RouteEntry[] = [
  { file: "app/api/health/route.ts", method: "GET", path: "/api/health", what: "liveness", cells: all(s(200)) },
  // The pages "Save this course for offline" stores: a static file per course, built from content.
  {
    file: "app/[locale]/(learn)/courses/[course]/offline-manifest.json/route.ts",
    method: "GET",
    path: "/{locale}/courses/{courseId}/offline-manifest.json",
    what: "the list of a course's pages to save for offline",
    cells: all(s(200)),
  },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "GET",
    path: "/api/auth/session",
    what: "read the session",
    cells: { ...all(s(200, { self: true, probe: ["signedIn", true] })), anonymous: s(200, { probe: ["signedIn", false] }) },
  },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "POST",
    path: "/api/auth/callback/credentials",
    what: "sign in as the learner with a wrong password",
    form: (w) => ({ email: w.learnerEmail, password: `${w.learnerPassword} wrong`, json: "true" }),
    // Fresh: each failure counts against the learner's sign-in throttle.
    cells: all(s(401, { fresh: true })),
  },
  {
    file: "app/api/account/route.ts",
    method: "POST",
    path: "/api/account",
    what: "sign up a new account",
    body: (w) => ({ email: `matrix-${w.unique}-${Math.random().toString(36).slice(2)}@example.org`, password: "matrix cedar lantern 42", displayName: "Matrix sign-up" }),
    cells: all(s(201)),
  },
  {
    file: "app/api/account/route.ts",
    method: "DELETE",
    path: "/api/account",
    what: "delete the learner's account with the learner's password",
    body: (w) => ({ password: w.learnerPassword }),
    // Nobody else's password is the learner's: the route deletes only the caller, after checking theirs.
    cells: { ...all(s(403)), anonymous: s(401), learner: s(200, { fresh: true }) },
  },
  {
    file: "app/api/account/password/route.ts",
    method: "POST",
    path: "/api/account/password",
    what: "change the learner's password, giving the learner's current password",
    body: (w) => ({ currentPassword: w.learnerPassword, newPassword: `matrix ${w.unique} copper kettle` }),
    // Nobody else's current password is the learner's: the route changes only the caller's, after checking it.
    cells: { ...all(s(403)), anonymous: s(401), learner: s(200, { fresh: true }) },
  },
  {
    file: "app/api/account/locale/route.ts",
    method: "POST",
    path: "/api/account/locale",
    what: "save my language on my account",
    body: () => ({ locale: "en" }),
    // Only the caller's own account row changes (the learner's is in the world's fingerprint); a
    // guest's choice is the browser's cookie alone.
    cells: ownRecord(),
  },
  {
    file: "app/api/account/export/route.ts",
    method: "GET",
    path: "/api/account/export",
    what: "download my data",
    // The export names the groups the caller belongs to, runs or is invited to help run (their own
    // memberships); nobody else's.
    cells: { ...signedIn(s(200, { self: true })), learner: s(200, { self: true, shows: ["cohort"] }), facilitator: s(200, { self: true, shows: ["cohort"] }), otherFacilitator: s(200, { self: true, shows: ["cohort"] }) },
  },
  {
    file: "app/api/account/sign-out-everywhere/route.ts",
    method: "POST",
    path: "/api/account/sign-out-everywhere",
    what: "end all my sessions",
    body: () => ({}),
    freshAdmin: true,
    cells: signedIn(s(200, { fresh: true })),
  },
  {
    file: "app/api/admin/facilitators/[facilitator]/suspend/route.ts",
    method: "POST",
    path: "/api/admin/facilitators/{facilitatorId}/suspend",
    what: "suspend the cohort's facilitator",
    body: () => ({ suspended: true }),
    cells: { ...all(s(403)), anonymous: s(401), admin: s(200, { fresh: true }) },
  },
  {
    file: "app/api/admin/xapi/route.ts",
    method: "POST",
    path: "/api/admin/xapi",
    what: "set up the LRS for learning records (switched off, at an address that refuses)",
    body: () => ({ endpoint: "http://127.0.0.1:9/xapi/", version: "1.0.3", enabled: false }),
    // One LRS per installation: an admin's save changes it, so it runs in a world of its own.
    cells: { ...all(s(403)), anonymous: s(401), admin: s(200, { fresh: true }) },
  },
  {
    file: "app/api/admin/xapi/test/route.ts",
    method: "POST",
    path: "/api/admin/xapi/test",
    what: "send a test statement to the LRS",
    body: () => ({}),
    // Writes nothing; with no LRS saved it reports that nothing was sent.
    cells: { ...all(s(403)), anonymous: s(401), admin: s(200) },
  },
  {
    file: "app/api/admin/xapi/retry/route.ts",
    method: "POST",
    path: "/api/admin/xapi/retry",
    what: "try the dead-lettered learning records again",
    body: () => ({}),
    cells: { ...all(s(403)), anonymous: s(401), admin: s(200, { fresh: true }) },
  },
  {
    file: "app/api/rosters/preview/route.ts",
    method: "POST",
    path: "/api/rosters/preview",
    what: "preview a class roster import",
    body: (w) => rosterBody(w),
    cells: { anonymous: s(401), learner: s(403), otherLearner: s(403), facilitator: s(200), otherFacilitator: s(200), admin: s(200) },
  },
  {
    file: "app/api/rosters/apply/route.ts",
    method: "POST",
    path: "/api/rosters/apply",
    what: "import a class roster as a group",
    body: (w) => rosterBody(w),
    // Facilitators (and admins) import into groups of their own; a learner cannot.
    cells: { anonymous: s(401), learner: s(403), otherLearner: s(403), facilitator: s(200, { fresh: true }), otherFacilitator: s(200, { fresh: true }), admin: s(200, { fresh: true }) },
  },
  {
    file: "app/api/cohorts/route.ts",
    method: "GET",
    path: "/api/cohorts",
    what: "list the cohorts I run",
    cells: { anonymous: s(401), learner: s(403), otherLearner: s(403), facilitator: s(200, { shows: ["cohort"] }), otherFacilitator: s(200), admin: s(200) },
  },
  {
    file: "app/api/cohorts/route.ts",
    method: "POST",
    path: "/api/cohorts",
    what: "create a cohort",
    body: () => ({ name: "Matrix new group", kind: "class", locale: "en", trackId: "school" }),
    cells: { anonymous: s(401), learner: s(403), otherLearner: s(403), facilitator: s(200), otherFacilitator: s(200), admin: s(200) },
  },
  { file: "app/api/cohorts/[cohort]/route.ts", method: "DELETE", path: "/api/cohorts/{cohortId}", what: "delete the cohort", body: () => ({ confirm: true }), cells: cohortManage() },
  { file: "app/api/cohorts/[cohort]/archive/route.ts", method: "POST", path: "/api/cohorts/{cohortId}/archive", what: "archive the cohort", body: () => ({ archived: true }), cells: cohortManage() },
  // Each assignment names, for the group's facilitators, who has not done it (the nickname member has not).
  { file: "app/api/cohorts/[cohort]/assignments/route.ts", method: "GET", path: "/api/cohorts/{cohortId}/assignments", what: "read the assignments and who has not done each", cells: cohortRead(["nickname"]) },
  {
    file: "app/api/cohorts/[cohort]/assignments/route.ts",
    method: "POST",
    path: "/api/cohorts/{cohortId}/assignments",
    what: "set an assignment",
    body: (w) => ({ activityId: w.otherLessonId, dueAt: "2031-01-31" }),
    cells: cohortManage(),
  },
  {
    file: "app/api/cohorts/[cohort]/assignments/route.ts",
    method: "DELETE",
    path: "/api/cohorts/{cohortId}/assignments",
    what: "remove the assignment",
    body: (w) => ({ activityId: w.doneLessonId }),
    cells: cohortManage(),
  },
  { file: "app/api/cohorts/[cohort]/export/route.ts", method: "GET", path: "/api/cohorts/{cohortId}/export", what: "export the roster as CSV", cells: cohortRead(["learner", "nickname"]) },
  {
    file: "app/api/cohorts/[cohort]/hall-export/route.ts",
    method: "GET",
    path: "/api/cohorts/{cohortId}/hall-export",
    what: "export the group's hall records as JSON",
    // Its facilitators only (admins read reports, but carrying records to another server is a facilitator's act).
    cells: { ...cohortManage(["learner", "nickname", "cohort"]), facilitator: s(200, { shows: ["learner", "nickname", "cohort"] }) },
  },
  {
    file: "app/api/cohorts/[cohort]/hall-import/route.ts",
    method: "POST",
    path: "/api/cohorts/{cohortId}/hall-import",
    what: "preview importing a file that is not a hall export",
    body: () => ({ confirm: false, file: {} }),
    // Only the group's facilitators reach the file check (400); nothing is written for anyone.
    cells: { ...cohortManage(), facilitator: s(400) },
  },
  { file: "app/api/cohorts/[cohort]/bias/route.ts", method: "GET", path: "/api/cohorts/{cohortId}/bias", what: "read the bias-check report", cells: cohortRead() },
  { file: "app/api/cohorts/[cohort]/gain/route.ts", method: "GET", path: "/api/cohorts/{cohortId}/gain", what: "read the learning gain", cells: cohortRead() },
  { file: "app/api/cohorts/[cohort]/items/route.ts", method: "GET", path: "/api/cohorts/{cohortId}/items", what: "read the item analysis", cells: cohortRead() },
  { file: "app/api/cohorts/[cohort]/attitudes/route.ts", method: "GET", path: "/api/cohorts/{cohortId}/attitudes", what: "read the views totals", cells: cohortRead() },
  // The room view's progress: counts per lesson, never a name (it is projected).
  { file: "app/api/cohorts/[cohort]/progress/route.ts", method: "GET", path: "/api/cohorts/{cohortId}/progress", what: "read the room view's progress", cells: cohortRead() },
  // Co-facilitators by invitation: the owner invites, lists and cancels (the list masks emails, so
  // it shows none of the invitee's markers); only the invited account sees, accepts or declines.
  { file: "app/api/cohorts/[cohort]/invitations/route.ts", method: "GET", path: "/api/cohorts/{cohortId}/invitations", what: "list the pending invitations", cells: cohortOwner(s(200)) },
  {
    file: "app/api/cohorts/[cohort]/invitations/route.ts",
    method: "POST",
    path: "/api/cohorts/{cohortId}/invitations",
    what: "invite an email to co-facilitate",
    body: (w) => ({ email: `matrix-invited-${w.unique}@example.org` }),
    cells: cohortOwner(s(200, { fresh: true })),
  },
  {
    file: "app/api/cohorts/[cohort]/invitations/[invitation]/route.ts",
    method: "DELETE",
    path: "/api/cohorts/{cohortId}/invitations/{invitationId}",
    what: "cancel the other facilitator's invitation",
    body: () => ({}),
    cells: cohortOwner(s(200, { fresh: true })),
  },
  {
    file: "app/api/invitations/route.ts",
    method: "GET",
    path: "/api/invitations",
    what: "list invitations to my email",
    cells: { ...signedIn(s(200)), otherFacilitator: s(200, { shows: ["cohort", "facilitator"] }) },
  },
  {
    file: "app/api/invitations/[invitation]/accept/route.ts",
    method: "POST",
    path: "/api/invitations/{invitationId}/accept",
    what: "accept the other facilitator's invitation",
    body: () => ({}),
    cells: invitedOnly(s(200, { fresh: true })),
  },
  {
    file: "app/api/invitations/[invitation]/route.ts",
    method: "DELETE",
    path: "/api/invitations/{invitationId}",
    what: "decline the other facilitator's invitation",
    body: () => ({}),
    cells: invitedOnly(s(200, { fresh: true })),
  },
  { file: "app/api/cohorts/[cohort]/roster/route.ts", method: "GET", path: "/api/cohorts/{cohortId}/roster", what: "read the roster", cells: cohortRead(["learner", "nickname", "cohort"]) },
  {
    file: "app/api/cohorts/[cohort]/learners/[learner]/lift-throttle/route.ts",
    method: "POST",
    path: "/api/cohorts/{cohortId}/learners/{learnerId}/lift-throttle",
    what: "lift the learner's sign-in throttle",
    body: () => ({}),
    cells: cohortManage(),
  },
  {
    file: "app/api/cohorts/[cohort]/learners/[learner]/reset-passphrase/route.ts",
    method: "POST",
    path: "/api/cohorts/{cohortId}/learners/{nicknameId}/reset-passphrase",
    what: "reset the nickname learner's passphrase",
    body: () => ({}),
    // The answer carries the nickname learner's login name and new passphrase, for the facilitator to pass on.
    cells: cohortManage(["nickname"]),
  },
  {
    file: "app/api/join/route.ts",
    method: "POST",
    path: "/api/join",
    what: "join a cohort with its code",
    body: (w) => ({ code: w.spareCode }),
    // Fresh (and a fresh admin): a new membership makes the caller eligible for things other cells try.
    // The spare cohort is the facilitator's own: whoever runs a group cannot join it as a learner.
    freshAdmin: true,
    cells: { ...signedIn(s(200, { fresh: true })), facilitator: s(409) },
  },
  {
    file: "app/api/join/nickname/route.ts",
    method: "POST",
    path: "/api/join/nickname",
    what: "join with a nickname only (a new account)",
    body: (w) => ({ code: w.spareCode, nickname: "Matrix nickname" }),
    cells: all(s(201)),
  },
  {
    file: "app/api/me/assignments/route.ts",
    method: "GET",
    path: "/api/me/assignments",
    what: "list my cohorts and what is due",
    cells: signedIn(s(200), s(200, { shows: ["cohort"] })),
  },
  {
    file: "app/api/progress/route.ts",
    method: "GET",
    path: "/api/progress?locale={locale}",
    what: "read my progress",
    cells: signedIn(s(200, { probe: ["hasAnswers", false] }), s(200, { probe: ["hasAnswers", true] })),
  },
  {
    file: "app/api/progress/answers/route.ts",
    method: "POST",
    path: "/api/progress/answers",
    what: "answer a question in the learner's attempt",
    body: (w) => ({ id: crypto.randomUUID(), attemptId: w.attemptId, locale: w.locale, courseId: w.courseId, ...w.nextAnswer }),
    cells: learnersRecord(),
  },
  {
    file: "app/api/quiz/grade/route.ts",
    method: "POST",
    path: "/api/quiz/grade",
    what: "grade one answer of the pre-assessment without storing it",
    body: (w) => ({ locale: w.locale, courseId: w.courseId, lessonId: "assessment-pre", ...w.preQuestion }),
    // Public and stateless: the same grade for everyone, nothing written.
    cells: all(s(200)),
  },
  {
    file: "app/api/progress/arms/route.ts",
    method: "POST",
    path: "/api/progress/arms",
    what: "my arms in the course's experiments, drawn and recorded the first time (my own record)",
    body: (w) => ({ locale: w.locale, courseId: w.courseId }),
    cells: ownRecord(),
  },
  {
    file: "app/api/progress/attempts/finish/route.ts",
    method: "POST",
    path: "/api/progress/attempts/finish",
    what: "finish the learner's attempt",
    body: (w) => ({ attemptId: w.attemptId, locale: w.locale }),
    cells: learnersRecord(),
  },
  { file: "app/api/progress/lessons/route.ts", method: "POST", path: "/api/progress/lessons", what: "mark a lesson done (my own record)", body: lessonRef, cells: ownRecord() },
  {
    file: "app/api/progress/lessons/route.ts",
    method: "DELETE",
    path: "/api/progress/lessons",
    what: "mark the learner's done lesson not done (my own record)",
    body: (w) => ({ locale: w.locale, courseId: w.courseId, lessonId: w.doneLessonId }),
    cells: ownRecord(),
  },
  {
    file: "app/api/progress/merge/route.ts",
    method: "POST",
    path: "/api/progress/merge",
    what: "merge guest progress (my own record)",
    body: (w) => ({ lessons: { [`${w.locale}/${w.courseId}/${w.otherLessonId}`]: { doneAt: "2030-01-01T00:00:00.000Z", bestPercent: 80 } } }),
    cells: ownRecord(),
  },
  {
    file: "app/api/attitudes/route.ts",
    method: "GET",
    path: "/api/attitudes?courseId={courseId}&form=pre",
    what: "may I share my views",
    cells: signedIn(s(200, { probe: ["eligible", false] }), s(200, { probe: ["eligible", true] })),
  },
  {
    file: "app/api/attitudes/route.ts",
    method: "POST",
    path: "/api/attitudes",
    what: "share my views (anonymous, counted for my cohort)",
    body: (w) => ({ courseId: w.courseId, form: "pre", mechanism: "krr-5-ln3", submissionId: crypto.randomUUID(), answers: [{ itemId: w.attitudeItemId, value: 4 }] }),
    // Only members of an open cohort of the course have anywhere to count views.
    cells: { ...all(s(403)), anonymous: s(401), learner: s(200, { fresh: true }) },
  },
  {
    file: "app/api/live/route.ts",
    method: "POST",
    path: "/api/live",
    what: "start an ad hoc live session",
    body: (w) => ({ locale: w.locale, courseId: w.courseId }),
    // Facilitators and admins run sessions; learners are refused.
    cells: { ...signedIn(s(200, { fresh: true })), learner: s(403), otherLearner: s(403) },
  },
  {
    file: "app/api/live/join/route.ts",
    method: "POST",
    path: "/api/live/join",
    what: "join the cohort's live session by its code",
    body: (w) => ({ code: w.liveCode }),
    // A group session takes its members, signed in; the learner has joined already (the same place
    // again, seen now: their export shows when, so the cell runs in a world of its own).
    cells: { ...all(s(404)), anonymous: s(401), learner: s(200, { fresh: true }) },
  },
  {
    file: "app/api/live/[session]/control/route.ts",
    method: "POST",
    path: "/api/live/{liveSessionId}/control",
    what: "keep nicknames hidden on the live session's projector",
    body: () => ({ type: "names", show: false }),
    // Controls need an account: anonymous callers are asked to sign in.
    cells: { ...liveController(), anonymous: s(401) },
  },
  {
    file: "app/api/live/[session]/answers/route.ts",
    method: "POST",
    path: "/api/live/{liveSessionId}/answers",
    what: "answer in the live session while it is in its lobby",
    body: () => ({ id: "00000000-0000-4000-8000-000000000001", round: "lobby", chosen: ["a"] }),
    // The learner is in the session, but the lobby takes no answers; nobody else is in it.
    cells: liveParticipant(s(409)),
  },
  { file: "app/api/live/[session]/state/route.ts", method: "GET", path: "/api/live/{liveSessionId}/state?view=projector", what: "read the live session's projector view", cells: liveController() },
  { file: "app/api/live/[session]/state/route.ts", method: "GET", path: "/api/live/{liveSessionId}/state?view=participant", what: "read the live session's phone view", cells: liveParticipant() },
  {
    file: "app/api/live/[session]/events/route.ts",
    method: "GET",
    path: "/api/live/{endedLiveSessionId}/events?view=facilitator",
    what: "stream an ended live session's facilitator view (one event, then the stream closes)",
    cells: liveController(),
  },
  // Certificates (issue #27). Nobody in the world has finished the course, so nobody may issue its
  // certificate; the world holds no credential, so a credential's id (here the cohort's) names none.
  {
    file: "app/api/credentials/route.ts",
    method: "POST",
    path: "/api/credentials",
    what: "issue the course's certificate without having finished it",
    body: (w) => ({ locale: w.locale, courseId: w.courseId, printedName: "Matrix" }),
    cells: { ...all(s(403)), anonymous: s(401) },
  },
  { file: "app/api/credentials/[credential]/route.ts", method: "GET", path: "/api/credentials/{cohortId}", what: "download a credential that does not exist", cells: all(s(404)) },
  {
    file: "app/api/credentials/[credential]/route.ts",
    method: "DELETE",
    path: "/api/credentials/{cohortId}",
    what: "withdraw a credential that is not the caller's",
    body: () => ({}),
    cells: { ...all(s(404)), anonymous: s(401) },
  },
  // Public by design: the keys that sign credentials, the status list, and checking a file.
  { file: "app/api/credentials/keys/route.ts", method: "GET", path: "/api/credentials/keys", what: "read the public signing keys (JWKS)", cells: all(s(200)) },
  { file: "app/api/credentials/status/[list]/route.ts", method: "GET", path: "/api/credentials/status/1", what: "read the signed revocation status list", cells: all(s(200)) },
  {
    file: "app/api/credentials/verify/route.ts",
    method: "POST",
    path: "/api/credentials/verify",
    what: "check a pasted credential",
    body: () => ({ text: "not a credential" }),
    cells: all(s(200)),
  },
  {
    file: "app/api/cohorts/[cohort]/attendance/route.ts",
    method: "POST",
    path: "/api/cohorts/{cohortId}/attendance",
    what: "give the learner an attendance certificate",
    body: (w) => ({ date: "2026-11-03", members: [w.learnerId] }),
    cells: cohortManage(),
  },
  // LTI 1.3 (issue #27). The login and launch are the LMS's form endpoints: without a registered
  // platform (the world has none) every caller is sent to the LTI error page, and no cookie decides
  // anything. The tool's public keys are public.
  {
    file: "app/api/lti/login/route.ts",
    method: "GET",
    path: "/api/lti/login?iss=https%3A%2F%2Flms.example&login_hint=x&target_link_uri=https%3A%2F%2Flms.example%2F",
    what: "start an LTI login from an unregistered platform",
    cells: all(s(303)),
  },
  {
    file: "app/api/lti/login/route.ts",
    method: "POST",
    path: "/api/lti/login",
    what: "start an LTI login with a JSON body (not a form)",
    body: () => ({ iss: "https://lms.example", login_hint: "x", target_link_uri: "https://lms.example/" }),
    cells: all(s(303)),
  },
  { file: "app/api/lti/launch/route.ts", method: "POST", path: "/api/lti/launch", what: "post an LTI launch that is not a form", body: () => ({ id_token: "x", state: "y" }), cells: all(s(303)) },
  { file: "app/api/lti/jwks/route.ts", method: "GET", path: "/api/lti/jwks", what: "read the tool's public keys", cells: all(s(200)) },
  {
    file: "app/api/lti/deep-link/[link]/route.ts",
    method: "POST",
    path: "/api/lti/deep-link/{learnerId}",
    what: "answer a deep-linking request that does not exist",
    body: (w) => ({ locale: "en", items: [{ course: w.courseId, view: "course" }] }),
    cells: signedIn(s(404)),
  },
  {
    file: "app/api/admin/lti/platforms/route.ts",
    method: "POST",
    path: "/api/admin/lti/platforms",
    what: "register an LMS as an LTI platform",
    body: (w) => lmsRegistration(w),
    cells: { ...all(s(403)), anonymous: s(401), admin: s(200, { fresh: true }) },
  },
  {
    file: "app/api/admin/lti/platforms/[platform]/route.ts",
    method: "POST",
    path: "/api/admin/lti/platforms/{learnerId}",
    what: "change an LTI platform that does not exist",
    body: (w) => lmsRegistration(w),
    cells: { ...all(s(403)), anonymous: s(401), admin: s(404) },
  },
  {
    file: "app/api/admin/lti/platforms/[platform]/route.ts",
    method: "DELETE",
    path: "/api/admin/lti/platforms/{learnerId}",
    what: "remove an LTI platform that does not exist",
    body: () => ({}),
    cells: { ...all(s(403)), anonymous: s(401), admin: s(404) },
  },
];
