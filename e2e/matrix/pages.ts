// Every page of app/, with the answer each caller must get (see model.ts).
import { all, cohortRead, liveController, s, SIGN_IN, type Cell, type Cells, type PageEntry } from "./model";

const open = all(s(200));
const signedInPage = (cell: Cell): Cells => ({ ...all(cell), anonymous: SIGN_IN });

export const PAGES: PageEntry[] = [
  // Public content: the same static page for everyone, with nobody's data in it.
  { file: "app/[locale]/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/(learn)/courses/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/(learn)/courses/[course]/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/(learn)/courses/[course]/[lesson]/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/(learn)/courses/[course]/[lesson]/quiz/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/(learn)/courses/[course]/[lesson]/activity/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/(learn)/courses/[course]/assessment/[form]/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/(learn)/courses/[course]/booster/[booster]/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/help/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/help/[country]/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/help/[country]/card/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/tracks/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/tracks/[track]/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/tracks/[track]/materials/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/tracks/[track]/materials/[set]/page.tsx", params: "static", cells: open },
  // A school lesson's teacher's plan and its student pack (print view): one per lesson, static.
  { file: "app/[locale]/tracks/[track]/[part]/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/tracks/[track]/[part]/print/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/(auth)/sign-in/page.tsx", params: "static", cells: open },
  // After deleting an account: a static page that holds nobody's data.
  { file: "app/[locale]/account-deleted/page.tsx", params: "static", cells: open },
  // The service worker's page for a page it has not saved, offline: static, nobody's data in it.
  { file: "app/[locale]/offline/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/(auth)/sign-up/page.tsx", params: "static", cells: open },
  { file: "app/[locale]/(auth)/join/page.tsx", params: "none", path: "/{locale}/join", cells: open },
  // The code is the key: whoever has it sees the group's name (and, signed in, their own).
  {
    file: "app/[locale]/(auth)/join/[code]/page.tsx",
    params: "world",
    path: "/{locale}/join/{joinCode}",
    cells: { ...all(s(200, { shows: ["cohort"], self: true })), anonymous: s(200, { shows: ["cohort"] }) },
  },
  // A group's "what now" screen: its members only. Everyone else, its facilitators included (they
  // are not its learners), gets the 404 page, which does not name the group.
  {
    file: "app/[locale]/(learn)/groups/[cohort]/page.tsx",
    params: "world",
    path: "/{locale}/groups/{cohortId}",
    cells: { ...all(s(404)), anonymous: SIGN_IN, learner: s(200, { shows: ["cohort"] }) },
  },
  // Signed-in pages: the caller's own, rendered around data fetched on the client.
  { file: "app/[locale]/(learn)/dashboard/page.tsx", params: "none", path: "/{locale}/dashboard", cells: signedInPage(s(200)) },
  { file: "app/[locale]/(learn)/account/page.tsx", params: "none", path: "/{locale}/account", cells: signedInPage(s(200, { self: true })) },
  {
    file: "app/[locale]/(facilitate)/facilitate/page.tsx",
    params: "none",
    path: "/{locale}/facilitate",
    // The other facilitator's pending invitation names the group and its owner.
    cells: { ...signedInPage(s(200)), facilitator: s(200, { shows: ["cohort"] }), otherFacilitator: s(200, { shows: ["cohort", "facilitator"] }) },
  },
  // The roster import: a form, with nobody's data until a roster is chosen (learners are told it is for facilitators).
  { file: "app/[locale]/(facilitate)/facilitate/rosters/page.tsx", params: "none", path: "/{locale}/facilitate/rosters", cells: signedInPage(s(200)) },
  {
    file: "app/[locale]/(facilitate)/facilitate/[cohort]/page.tsx",
    params: "world",
    path: "/{locale}/facilitate/{cohortId}",
    cells: { ...cohortRead(["learner", "nickname", "cohort"]), anonymous: SIGN_IN },
  },
  {
    file: "app/[locale]/(facilitate)/facilitate/[cohort]/join-sheet/page.tsx",
    params: "world",
    path: "/{locale}/facilitate/{cohortId}/join-sheet",
    cells: { ...cohortRead(["cohort"]), anonymous: SIGN_IN },
  },
  {
    // The room view is projected: the group's name, and no learner's or nickname anywhere in the HTML.
    file: "app/[locale]/(facilitate)/facilitate/[cohort]/room/page.tsx",
    params: "world",
    path: "/{locale}/facilitate/{cohortId}/room",
    cells: { ...cohortRead(["cohort"]), anonymous: SIGN_IN },
  },
  // A live session's phone view: its participants only (here the group's learner who joined it).
  // Anyone else, the session's facilitator included, gets the 404 page, which names nothing.
  {
    file: "app/[locale]/(learn)/live/[session]/page.tsx",
    params: "world",
    path: "/{locale}/live/{liveSessionId}",
    cells: { ...all(s(404)), learner: s(200) },
  },
  {
    // A live session's projector: the people running it only (not admins); names are hidden until
    // the facilitator shows them, so no learner's name is in the page.
    file: "app/[locale]/(facilitate)/facilitate/live/[session]/projector/page.tsx",
    params: "world",
    path: "/{locale}/facilitate/live/{liveSessionId}/projector",
    cells: { ...liveController(), anonymous: SIGN_IN },
  },
  {
    // The live session's controls: its facilitators only (everyone else, admins too, the 404 page).
    // They see who joined: the group's learner joined the world's session.
    file: "app/[locale]/(facilitate)/facilitate/live/[session]/page.tsx",
    params: "world",
    path: "/{locale}/facilitate/live/{liveSessionId}",
    cells: { ...liveController(s(200, { shows: ["learner"] })), anonymous: SIGN_IN },
  },
  {
    file: "app/[locale]/(admin)/admin/page.tsx",
    params: "none",
    path: "/{locale}/admin",
    cells: { ...all(s(404)), anonymous: SIGN_IN, admin: s(200, { shows: ["facilitator", "otherFacilitator", "cohort"] }) },
  },
  {
    file: "app/[locale]/(admin)/admin/learning-records/page.tsx",
    params: "none",
    path: "/{locale}/admin/learning-records",
    // The LRS settings and the outbox's counts: nobody's data, admins only.
    cells: { ...all(s(404)), anonymous: SIGN_IN, admin: s(200) },
  },
  // Certificates (issue #27): the learner's own page; a print page for a credential of theirs (the
  // world holds none, so the cohort's id names nothing); the public check pages, by id (none) and
  // by file; and a group's attendance page, for the people who run the group only.
  { file: "app/[locale]/(learn)/certificates/page.tsx", params: "none", path: "/{locale}/certificates", cells: signedInPage(s(200)) },
  {
    file: "app/[locale]/(learn)/certificates/[credential]/print/page.tsx",
    params: "world",
    path: "/{locale}/certificates/{cohortId}/print",
    cells: signedInPage(s(404)),
  },
  { file: "app/[locale]/verify/page.tsx", params: "none", path: "/{locale}/verify", cells: open },
  { file: "app/[locale]/verify/[credential]/page.tsx", params: "world", path: "/{locale}/verify/{cohortId}", cells: all(s(404)) },
  {
    file: "app/[locale]/(facilitate)/facilitate/[cohort]/attendance/page.tsx",
    params: "world",
    path: "/{locale}/facilitate/{cohortId}/attendance",
    cells: { ...all(s(404)), anonymous: SIGN_IN, facilitator: s(200, { shows: ["learner", "nickname", "cohort"] }) },
  },
  // LTI pages (issue #27), framable by registered LMSs only: content for anyone, like the app's
  // own lesson pages; a deep-linking picker that does not exist is not found for everyone; the
  // platforms' admin page is the admins'.
  { file: "app/[locale]/lti/courses/[course]/page.tsx", params: "world", path: "/{locale}/lti/courses/{courseId}", cells: open },
  { file: "app/[locale]/lti/courses/[course]/[lesson]/page.tsx", params: "world", path: "/{locale}/lti/courses/{courseId}/{doneLessonId}", cells: open },
  { file: "app/[locale]/lti/courses/[course]/[lesson]/quiz/page.tsx", params: "world", path: "/{locale}/lti/courses/{courseId}/{doneLessonId}/quiz", cells: open },
  { file: "app/[locale]/lti/courses/[course]/assessment/[form]/page.tsx", params: "world", path: "/{locale}/lti/courses/{courseId}/assessment/post", cells: open },
  { file: "app/[locale]/lti/error/page.tsx", params: "none", path: "/{locale}/lti/error?code=lti.expired", cells: open },
  { file: "app/[locale]/lti/deep-link/[link]/page.tsx", params: "world", path: "/{locale}/lti/deep-link/{learnerId}", cells: all(s(404)) },
  {
    file: "app/[locale]/(admin)/admin/lti/page.tsx",
    params: "none",
    path: "/{locale}/admin/lti",
    cells: { ...all(s(404)), anonymous: SIGN_IN, admin: s(200) },
  },
];
