// One typed address for everything a learner does in a course: a lesson, a starting or final
// check, a booster, a question of a lesson's quiz or of a booster, a step of a branching scenario,
// an item of a check form. Progress rows store these as plain strings (quiz_attempts.lesson_id,
// lesson_completions.lesson_id, assignments.activity_id) with the course in its own column; this
// module is the only place that knows how those strings are spelled, so the rest of the code
// switches on `kind` instead of testing prefixes.
//
// Pure and dependency-free: the server, the client components and the tests all read it.
import type { CheckSlot, FormId } from "@/lib/quiz/experiments";

/** A content id: lower-case words joined by hyphens (the same rule as `slug` in schema.ts). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest stored activity id accepted; ids in the real content are far shorter (a test checks). */
export const ACTIVITY_ID_MAX = 200;

export type LessonActivity = { kind: "lesson"; course: string; lesson: string };
/** A check slot: taken on form A or B (the learner's arm), so the slot, not the form, is the activity. */
export type CheckActivity = { kind: "check"; course: string; slot: CheckSlot };
export type BoosterActivity = { kind: "booster"; course: string; booster: string };
/** A question of a lesson's quiz or of a booster; `quiz` names which by its lesson or booster. */
export type QuestionActivity = {
  kind: "question";
  course: string;
  quiz: { kind: "lesson"; lesson: string } | { kind: "booster"; booster: string };
  question: string;
};
/** A step of the branching scenario played on a lesson's page (steps are keyed by slug in the scenario file). */
export type ScenarioStepActivity = { kind: "scenario-step"; course: string; lesson: string; scenario: string; step: string };
/** An item of a check form: the same item is taken in either slot (by different halves of a group). */
export type AssessmentItemActivity = { kind: "assessment-item"; course: string; form: FormId; question: string };

export type ActivityRef = LessonActivity | CheckActivity | BoosterActivity | QuestionActivity | ScenarioStepActivity | AssessmentItemActivity;
export type ActivityKind = ActivityRef["kind"];

/** The activities progress is recorded under: completions, attempts and assignments name one of these. */
export type ProgressActivity = LessonActivity | CheckActivity | BoosterActivity;

export const isProgressActivity = (ref: ActivityRef): ref is ProgressActivity => ref.kind === "lesson" || ref.kind === "check" || ref.kind === "booster";

// The stored spellings. A lesson is its bare slug, so lesson slugs may not start with either
// prefix (the content check refuses them, lib/content/load.ts): every id then parses one way.
const CHECK_PREFIX = "assessment-";
const BOOSTER_PREFIX = "booster-";
const FORM_PREFIX = "assessment-form-";
/** The two check slots, in the order a learner takes them. */
export const CHECK_SLOTS: readonly CheckSlot[] = ["pre", "post"];
const FORMS: readonly FormId[] = ["a", "b"];

/**
 * The stored ids of the check slots, in slot order. They are the same in every course (the course
 * has a column of its own), so SQL that picks the checks out of a learner's attempts binds these.
 */
export const CHECK_ACTIVITY_IDS: readonly string[] = CHECK_SLOTS.map((slot) => `${CHECK_PREFIX}${slot}`);

/** Whether a lesson slug would read as another kind of activity (reserved prefixes). */
export const isReservedLessonSlug = (slug: string) => slug.startsWith(CHECK_PREFIX) || slug.startsWith(BOOSTER_PREFIX);

function formatUnchecked(ref: ActivityRef): string {
  switch (ref.kind) {
    case "lesson":
      return ref.lesson;
    case "check":
      return `${CHECK_PREFIX}${ref.slot}`;
    case "booster":
      return `${BOOSTER_PREFIX}${ref.booster}`;
    case "question":
      return `${ref.quiz.kind === "lesson" ? ref.quiz.lesson : `${BOOSTER_PREFIX}${ref.quiz.booster}`}/question/${ref.question}`;
    case "scenario-step":
      return `${ref.lesson}/scenario/${ref.scenario}/${ref.step}`;
    case "assessment-item":
      return `${FORM_PREFIX}${ref.form}/question/${ref.question}`;
  }
}

/**
 * The stored string of an activity, without its course (which has its own column). Lessons,
 * checks and boosters keep the spelling existing rows have: "<lesson>", "assessment-pre|post",
 * "booster-<id>". The parts of an activity add a path: "<lesson or booster-<id>>/question/<id>",
 * "<lesson>/scenario/<scenario>/<step>", "assessment-form-<a|b>/question/<id>".
 * Throws when the ref would not read back as itself (a malformed slug, a reserved lesson slug):
 * that is a bug in the caller, never something a learner sent.
 */
export function formatActivityId(ref: ActivityRef): string {
  const id = formatUnchecked(ref);
  const back = parseActivityId(ref.course, id);
  if (!back || !sameActivity(back, ref)) throw new Error(`not a well-formed ${ref.kind} activity: ${JSON.stringify(ref)}`);
  return id;
}

/** A lesson, check or booster from one path segment. */
function parseTop(course: string, segment: string): ProgressActivity | undefined {
  if (segment.startsWith(CHECK_PREFIX)) {
    const slot = segment.slice(CHECK_PREFIX.length);
    return CHECK_SLOTS.includes(slot as CheckSlot) ? { kind: "check", course, slot: slot as CheckSlot } : undefined;
  }
  if (segment.startsWith(BOOSTER_PREFIX)) {
    const booster = segment.slice(BOOSTER_PREFIX.length);
    return SLUG.test(booster) ? { kind: "booster", course, booster } : undefined;
  }
  return { kind: "lesson", course, lesson: segment };
}

/**
 * The activity a stored string names in a course, or undefined for anything that is not one:
 * an unknown check ("assessment-mid"), an empty booster ("booster-"), a path that is not a slug
 * ("../x", "A b"), an id longer than ACTIVITY_ID_MAX. Only the shape is checked: whether the
 * lesson or booster exists is the content's question (lib/content/index.ts).
 */
export function parseActivityId(course: string, id: string): ActivityRef | undefined {
  if (typeof course !== "string" || course.length > ACTIVITY_ID_MAX || !SLUG.test(course)) return undefined;
  return parseIn(course, id);
}

/**
 * The kind of activity a stored string names, whatever the course: for checking a request's id
 * where the course is a field of its own (lib/progress/inputs.ts).
 */
export const activityKindOf = (id: string): ActivityKind | undefined => parseIn("", id)?.kind;

function parseIn(course: string, id: string): ActivityRef | undefined {
  if (typeof id !== "string" || id.length === 0 || id.length > ACTIVITY_ID_MAX) return undefined;
  const parts = id.split("/");
  if (!parts.every((p) => SLUG.test(p))) return undefined;
  const [first, part, ...rest] = parts;
  if (parts.length === 1) return parseTop(course, first);
  if (parts.length === 3 && part === "question") {
    const question = rest[0];
    if (first.startsWith(FORM_PREFIX)) {
      const form = first.slice(FORM_PREFIX.length);
      return FORMS.includes(form as FormId) ? { kind: "assessment-item", course, form: form as FormId, question } : undefined;
    }
    const quiz = parseTop(course, first);
    if (quiz?.kind === "lesson") return { kind: "question", course, quiz: { kind: "lesson", lesson: quiz.lesson }, question };
    if (quiz?.kind === "booster") return { kind: "question", course, quiz: { kind: "booster", booster: quiz.booster }, question };
    return undefined;
  }
  if (parts.length === 4 && part === "scenario") {
    const lesson = parseTop(course, first);
    return lesson?.kind === "lesson" ? { kind: "scenario-step", course, lesson: lesson.lesson, scenario: rest[0], step: rest[1] } : undefined;
  }
  return undefined;
}

/** A stored string that must name a lesson, check or booster (what progress rows hold), else undefined. */
export function parseProgressActivity(course: string, id: string): ProgressActivity | undefined {
  const ref = parseActivityId(course, id);
  return ref && isProgressActivity(ref) ? ref : undefined;
}

/** Whether two refs name the same activity (kind and fields, whatever order the fields were written in). */
export function sameActivity(a: ActivityRef, b: ActivityRef): boolean {
  return activityPath(a) === activityPath(b);
}

/** The activity as a path that names its kind at every step: the tail of its IRI (activityIri). */
function activityPath(ref: ActivityRef): string {
  const root = ref.course;
  switch (ref.kind) {
    case "lesson":
      return `${root}/lessons/${ref.lesson}`;
    case "check":
      return `${root}/checks/${ref.slot}`;
    case "booster":
      return `${root}/boosters/${ref.booster}`;
    case "question":
      return `${root}/${ref.quiz.kind === "lesson" ? `lessons/${ref.quiz.lesson}` : `boosters/${ref.quiz.booster}`}/questions/${ref.question}`;
    case "scenario-step":
      return `${root}/lessons/${ref.lesson}/scenarios/${ref.scenario}/steps/${ref.step}`;
    case "assessment-item":
      return `${root}/check-forms/${ref.form}/questions/${ref.question}`;
  }
}

/** The activity a part belongs to: a question's lesson or booster, a scenario step's lesson; none for the rest. */
export function parentActivity(ref: ActivityRef): ProgressActivity | undefined {
  if (ref.kind === "question") return ref.quiz.kind === "lesson" ? { kind: "lesson", course: ref.course, lesson: ref.quiz.lesson } : { kind: "booster", course: ref.course, booster: ref.quiz.booster };
  if (ref.kind === "scenario-step") return { kind: "lesson", course: ref.course, lesson: ref.lesson };
  return undefined;
}

/** "<course>/<activity id>": the key the learner's progress is looked up by, one course and one locale at a time. */
export const courseActivityKey = (ref: ActivityRef) => `${ref.course}/${formatActivityId(ref)}`;

const LOCALE = /^[a-z]{2}(?:-[A-Z]{2})?$/;

/** "<locale>/<course>/<activity id>": the key of a browser's progress (components/progress/guest-progress.ts). */
export const progressKey = (locale: string, ref: ProgressActivity) => `${locale}/${courseActivityKey(ref)}`;

/** The locale and activity of a browser's progress key, or undefined when it names none. */
export function parseProgressKey(key: string): { locale: string; ref: ProgressActivity } | undefined {
  if (typeof key !== "string") return undefined;
  const [locale, course, ...rest] = key.split("/");
  if (!LOCALE.test(locale ?? "") || course === undefined || rest.length !== 1) return undefined;
  const ref = parseProgressActivity(course, rest[0]);
  return ref && { locale, ref };
}

/** The page a learner opens for an activity. Assessment items have none of their own (a form is taken in either slot's page). */
export function activityUrl(ref: Exclude<ActivityRef, AssessmentItemActivity>, locale: string): string;
export function activityUrl(ref: ActivityRef, locale: string): string | undefined;
export function activityUrl(ref: ActivityRef, locale: string): string | undefined {
  const course = `/${locale}/courses/${ref.course}`;
  switch (ref.kind) {
    case "lesson":
      return `${course}/${ref.lesson}`;
    case "check":
      return `${course}/assessment/${ref.slot}`;
    case "booster":
      return `${course}/booster/${ref.booster}`;
    case "question":
      return ref.quiz.kind === "lesson" ? `${course}/${ref.quiz.lesson}/quiz` : `${course}/booster/${ref.quiz.booster}`;
    case "scenario-step":
      return `${course}/${ref.lesson}`;
    case "assessment-item":
      return undefined;
  }
}

/**
 * The activity's IRI for learning records (xAPI statements, issue #27): `<base>/activities/<course>/`
 * then the activity by kind, with no locale (one activity keeps one IRI in every language) and no
 * page path (pages may move, the IRI may not):
 *   lessons/<lesson> · checks/<pre|post> · boosters/<booster> · lessons/<lesson>/questions/<q>
 *   · boosters/<booster>/questions/<q> · lessons/<lesson>/scenarios/<scenario>/steps/<step>
 *   · check-forms/<a|b>/questions/<q>.
 * `base` is the site's own origin (for example https://commonground.example); every segment is a
 * slug, so nothing needs escaping.
 */
export function activityIri(base: string, ref: ActivityRef): string {
  const url = new URL(base);
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash || url.username || url.password) {
    throw new Error(`an activity IRI base is a plain http(s) address: ${base}`);
  }
  // Validates the ref as formatting does (slugs, reserved lesson slugs).
  formatActivityId(ref);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}/activities/${activityPath(ref)}`;
}
