// xAPI statements (issue #27): pure builders, no I/O. Each takes what the app stored about one
// thing a learner did and returns the statement an LRS receives (docs/xapi.md):
//   an answer            -> answered   (a question or a check item; result success and response)
//   a finished attempt   -> passed | failed (a lesson's quiz, a booster) or completed (a check: a
//                           measurement, not a test to pass), with the score
//   a lesson completion  -> completed
//   a credential         -> earned (completed the course) | attended (a workshop)
//   an erased account    -> voided, one per statement the LRS may hold
// Never built: "Your views" (attitude) answers, which are anonymous by design (lib/attitudes), and
// anything of a nickname joiner of a live session, who has no account.
//
// Ids are stable so that a resend is never a second statement: an answer's statement id is the
// answer's client id, an attempt's is the attempt id, a completion's is derived from it (nameUuid).
// Activity IRIs come from lib/content/activity-id.ts (one IRI per lesson, question, check item and
// scenario step, the same in every language); the language is context.language.
import { activityIri, parseActivityId, SLUG, type ActivityRef } from "@/lib/content/activity-id";
import { nameUuid, pseudonym } from "./crypto";

/** Where statements point: the app's origin (actor homePage, activity IRIs) and the pseudonym salt. */
export interface XapiTarget {
  /** The app's own origin, for example https://commonground.example. */
  base: string;
  /** The installation's random pseudonym salt (lib/xapi/crypto.ts). */
  salt: string;
}

export type LanguageMap = Record<string, string>;

export interface Agent {
  objectType: "Agent";
  account: { homePage: string; name: string };
}

export interface Activity {
  objectType: "Activity";
  id: string;
  definition?: { type: string; interactionType?: string };
}

export interface Statement {
  id: string;
  actor: Agent;
  verb: { id: string; display: LanguageMap };
  object: Activity | { objectType: "StatementRef"; id: string };
  result?: {
    success?: boolean;
    completion?: boolean;
    response?: string;
    score?: { scaled: number; raw: number; min: number; max: number };
    extensions?: Record<string, unknown>;
  };
  context?: {
    registration?: string;
    platform?: string;
    language?: string;
    contextActivities?: { parent?: Activity[]; grouping?: Activity[] };
  };
  timestamp: string;
}

export const VERBS = {
  answered: "http://adlnet.gov/expapi/verbs/answered",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  passed: "http://adlnet.gov/expapi/verbs/passed",
  failed: "http://adlnet.gov/expapi/verbs/failed",
  attended: "http://adlnet.gov/expapi/verbs/attended",
  earned: "http://id.tincanapi.com/verb/earned",
  voided: "http://adlnet.gov/expapi/verbs/voided",
  /** The admin page's test statement (admin.ts). */
  initialized: "http://adlnet.gov/expapi/verbs/initialized",
} as const;
type VerbName = keyof typeof VERBS;

const TYPES = {
  course: "http://adlnet.gov/expapi/activities/course",
  lesson: "http://adlnet.gov/expapi/activities/lesson",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
  interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
} as const;

const PLATFORM = "Common Ground";

const verb = (name: VerbName) => ({ id: VERBS[name], display: { "en-US": name } });

/** The learner as an LRS sees them: an account at the app, named by an opaque pseudonym (crypto.ts). */
export function actorFor(target: XapiTarget, userId: string): Agent {
  return { objectType: "Agent", account: { homePage: origin(target), name: pseudonym(target.salt, userId) } };
}

/** The app itself: the actor of voiding statements, sent after the learner's account is gone. */
export function appAgent(target: XapiTarget): Agent {
  return { objectType: "Agent", account: { homePage: origin(target), name: "common-ground" } };
}

const origin = (target: XapiTarget) => new URL(target.base).origin;

/** The course's IRI: the root of its activities' IRIs (activity-id.ts spells the rest). */
export function courseIri(target: XapiTarget, course: string): string {
  return `${origin(target)}/activities/${course}`;
}

function typeOf(ref: ActivityRef): string {
  switch (ref.kind) {
    case "lesson":
      return TYPES.lesson;
    case "check":
    case "booster":
      return TYPES.assessment;
    default:
      return TYPES.interaction;
  }
}

function activity(target: XapiTarget, ref: ActivityRef, interactionType?: string): Activity {
  return { objectType: "Activity", id: activityIri(origin(target), ref), definition: { type: typeOf(ref), ...(interactionType ? { interactionType } : {}) } };
}

const course = (target: XapiTarget, id: string): Activity => ({ objectType: "Activity", id: courseIri(target, id), definition: { type: TYPES.course } });

function context(target: XapiTarget, courseId: string, locale: string, parent?: Activity, registration?: string): NonNullable<Statement["context"]> {
  return {
    ...(registration ? { registration } : {}),
    platform: PLATFORM,
    language: locale,
    contextActivities: { ...(parent ? { parent: [parent] } : {}), grouping: [course(target, courseId)] },
  };
}

function progressRef(courseId: string, activityId: string): ActivityRef {
  const ref = parseActivityId(courseId, activityId);
  if (!ref) throw new Error(`not an activity: ${courseId}/${activityId}`);
  return ref;
}

/** A score of 0..1 as xAPI writes it (scaled and raw the same, rounded to 4 places). */
function score(value: number) {
  const v = Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
  return { scaled: v, raw: v, min: 0, max: 1 };
}

/**
 * The response in the cmi.interaction format: option ids joined by "[,]"; a sort question's
 * "<item>:<pile>" pairs as "item[.]pile" (a matching interaction). No correct answers are sent:
 * the keys of scored items stay on the server.
 */
function response(chosen: readonly string[]): { interactionType: string; response: string } {
  if (chosen.some((c) => c.includes(":"))) return { interactionType: "matching", response: chosen.map((c) => c.replace(":", "[.]")).join("[,]") };
  return { interactionType: "choice", response: chosen.join("[,]") };
}

export interface AnswerFacts {
  /** The answer's client id: the statement id, so a resend is the same statement. */
  id: string;
  userId: string;
  attemptId: string;
  locale: string;
  courseId: string;
  /** The stored activity: a lesson (its quiz), a check slot or a booster. */
  lessonId: string;
  questionId: string;
  /** A check's form (a or b): the item is the form's, the same in either slot. */
  form?: "a" | "b";
  chosen: readonly string[];
  /** 0..1, as graded. */
  points: number;
  correct: boolean;
  answeredAt: string;
}

/**
 * The question (or check item) answered, and the lesson, booster or check it belongs to. A check
 * taken on forms names the form's item (the same item in either slot); a check without forms
 * (a course with one set of check questions) names the question under its slot.
 */
export function answerActivities(target: XapiTarget, f: Pick<AnswerFacts, "courseId" | "lessonId" | "questionId" | "form">, interactionType?: string): { object: Activity; parent: Activity } {
  const parentRef = progressRef(f.courseId, f.lessonId);
  const parent = activity(target, parentRef);
  const interaction = (id: string): Activity => ({ objectType: "Activity", id, definition: { type: TYPES.interaction, ...(interactionType ? { interactionType } : {}) } });
  switch (parentRef.kind) {
    case "check":
      return f.form
        ? { object: activity(target, { kind: "assessment-item", course: f.courseId, form: f.form, question: f.questionId }, interactionType), parent }
        : { object: interaction(`${parent.id}/questions/${questionSlug(f.questionId)}`), parent };
    case "lesson":
      return { object: activity(target, { kind: "question", course: f.courseId, quiz: { kind: "lesson", lesson: parentRef.lesson }, question: f.questionId }, interactionType), parent };
    case "booster":
      return { object: activity(target, { kind: "question", course: f.courseId, quiz: { kind: "booster", booster: parentRef.booster }, question: f.questionId }, interactionType), parent };
    default:
      throw new Error(`answers belong to a lesson, check or booster, not ${parentRef.kind}`);
  }
}

function questionSlug(id: string): string {
  if (!SLUG.test(id)) throw new Error(`not a question id: ${id}`);
  return id;
}

/** "answered": one question, its result and the learner's response. */
export function statementForAnswer(target: XapiTarget, f: AnswerFacts): Statement {
  const r = response(f.chosen);
  const { object, parent } = answerActivities(target, f, r.interactionType);
  return {
    id: f.id,
    actor: actorFor(target, f.userId),
    verb: verb("answered"),
    object,
    result: { success: f.correct, response: r.response, score: score(f.points) },
    context: context(target, f.courseId, f.locale, parent, f.attemptId),
    timestamp: f.answeredAt,
  };
}

export interface AttemptFacts {
  /** The attempt's id (client-made): the statement id. */
  attemptId: string;
  userId: string;
  locale: string;
  courseId: string;
  lessonId: string;
  /** 0..1. */
  score: number;
  passed: boolean;
  finishedAt: string;
}

/**
 * A finished quiz, booster or check. A lesson's quiz and a booster are passed or failed; a check
 * (the starting or final check) is a measurement with no pass mark, so it is "completed" with its
 * score and no success.
 */
export function statementForAttempt(target: XapiTarget, f: AttemptFacts): Statement {
  const ref = progressRef(f.courseId, f.lessonId);
  const isCheck = ref.kind === "check";
  return {
    id: f.attemptId,
    actor: actorFor(target, f.userId),
    verb: verb(isCheck ? "completed" : f.passed ? "passed" : "failed"),
    object: activity(target, ref),
    result: { ...(isCheck ? {} : { success: f.passed }), completion: true, score: score(f.score) },
    context: context(target, f.courseId, f.locale, undefined, f.attemptId),
    timestamp: f.finishedAt,
  };
}

export interface CompletionFacts {
  userId: string;
  locale: string;
  courseId: string;
  lessonId: string;
  completedAt: string;
}

/** The id of a completion's statement: the same for the same completion (one row), a new one if it is marked again. */
export const completionStatementId = (f: CompletionFacts) => nameUuid(`completion\n${f.userId}\n${f.courseId}\n${f.lessonId}\n${f.completedAt}`);

/** "completed": a lesson marked done (by the learner, or by finishing its quiz). */
export function statementForCompletion(target: XapiTarget, f: CompletionFacts): Statement {
  const ref = progressRef(f.courseId, f.lessonId);
  return {
    id: completionStatementId(f),
    actor: actorFor(target, f.userId),
    verb: verb("completed"),
    object: activity(target, ref),
    result: { completion: true },
    context: context(target, f.courseId, f.locale),
    timestamp: f.completedAt,
  };
}

export interface CredentialFacts {
  /** The credential's own id (any string; the statement id is derived from it). */
  credentialId: string;
  userId: string;
  locale: string;
  courseId: string;
  /** "completed": the course (earned); "attended": a group's workshop. */
  achievement: "completed" | "attended";
  issuedAt: string;
  /** The public verification page, if any. */
  verifyUrl?: string;
}

/** "earned" (the course's certificate) or "attended" (a workshop's), on the course. */
export function statementForCredential(target: XapiTarget, f: CredentialFacts): Statement {
  return {
    id: nameUuid(`credential\n${f.credentialId}`),
    actor: actorFor(target, f.userId),
    verb: verb(f.achievement === "completed" ? "earned" : "attended"),
    object: course(target, f.courseId),
    result: { completion: true, ...(f.verifyUrl ? { extensions: { [`${origin(target)}/xapi/extensions/credential`]: f.verifyUrl } } : {}) },
    context: context(target, f.courseId, f.locale),
    timestamp: f.issuedAt,
  };
}

/**
 * "voided": the statement `voidedId` no longer counts (xAPI statements are immutable; voiding is
 * the only way to withdraw one). Sent by the app itself after the learner's account is erased, so
 * it carries no pseudonym; an LRS should accept it even for an id it never received.
 */
export function voidingStatement(target: XapiTarget, voidedId: string, at: string): Statement {
  return {
    id: nameUuid(`void\n${voidedId}`),
    actor: appAgent(target),
    verb: verb("voided"),
    object: { objectType: "StatementRef", id: voidedId },
    timestamp: at,
  };
}

