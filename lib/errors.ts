// Typed errors: domain code throws AppError with a message key and its typed arguments; route
// handlers turn it into a status and the message in the reader's language (content/<locale>/
// messages.json "serverErrors", formatted by lib/http/error-text.ts). Details go to the log,
// never to the client, and no English sentence is written here.
export type ErrorCode = "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "too_large" | "throttled" | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  throttled: 429,
  internal: 500,
};

type NoArgs = Record<string, never>;

/**
 * Every server error message, by key (its path under "serverErrors" in messages.json), with the
 * arguments its ICU text uses. A key with NoArgs takes none. tests/server-errors.test.ts checks
 * that each key exists in every locale, and that the texts use exactly these arguments.
 */
export interface ServerErrorArgs {
  "http.notJson": NoArgs;
  "http.badJson": NoArgs;
  "http.tooLarge": NoArgs;
  "http.crossSite": NoArgs;
  "http.internal": NoArgs;
  "auth.signIn": NoArgs;
  "auth.signInToJoinLive": NoArgs;
  "auth.badSignInLink": NoArgs;
  "auth.badSignInCookie": NoArgs;
  "auth.emailTaken": NoArgs;
  "auth.nicknameAccount": NoArgs;
  "auth.samePassword": NoArgs;
  "auth.tooManyWrongPasswords": { minutes: number };
  "auth.wrongCurrentPassword": NoArgs;
  "auth.wrongPassword": NoArgs;
  "auth.enterCurrentPassword": NoArgs;
  "auth.enterNewPassword": NoArgs;
  "auth.enterPasswordToConfirm": NoArgs;
  "auth.learnerCannotRunGroup": NoArgs;
  "password.tooShort": { minimum: number };
  "password.tooLong": { maximum: number };
  "password.common": NoArgs;
  "password.personal": NoArgs;
  "password.easy": NoArgs;
  "rateLimit.tooManyAttempts": { minutes: number };
  "notFound.account": NoArgs;
  "notFound.group": NoArgs;
  "notFound.learner": NoArgs;
  "notFound.facilitator": NoArgs;
  "notFound.invitation": NoArgs;
  "notFound.liveSession": NoArgs;
  "notFound.quizAttempt": NoArgs;
  "notFound.credential": NoArgs;
  "content.unknownCourse": NoArgs;
  "content.unknownLesson": NoArgs;
  "content.unknownQuiz": NoArgs;
  "content.quizGone": NoArgs;
  "content.unknownAssessment": NoArgs;
  "content.unknownActivity": NoArgs;
  "content.unknownTrack": NoArgs;
  "content.unknownPlan": NoArgs;
  "content.noExperiment": NoArgs;
  "attitudes.notInGroup": NoArgs;
  "attitudes.unknownStatement": { item: string };
  "attitudes.alreadyShared": NoArgs;
  "attitudes.outOfDate": NoArgs;
  "cohorts.noGroupWithCode": NoArgs;
  "cohorts.ownerCannotJoin": NoArgs;
  "cohorts.tryAnotherNickname": NoArgs;
  "cohorts.nicknamesFull": NoArgs;
  "cohorts.learnerNotInGroup": NoArgs;
  "cohorts.onlyNicknameReset": NoArgs;
  "cohorts.dueMissing": NoArgs;
  "cohorts.dueInvalid": NoArgs;
  "cohorts.duePassed": NoArgs;
  "cohorts.adminOnly": NoArgs;
  "lti.unknownPlatform": NoArgs;
  "lti.badLogin": NoArgs;
  "lti.badState": NoArgs;
  "lti.expired": NoArgs;
  "lti.badSignature": NoArgs;
  "lti.unknownKey": NoArgs;
  "lti.wrongAudience": NoArgs;
  "lti.wrongIssuer": NoArgs;
  "lti.replayed": NoArgs;
  "lti.unknownDeployment": NoArgs;
  "lti.badMessage": NoArgs;
  "lti.badTarget": NoArgs;
  "lti.platformUnreachable": NoArgs;
  "lti.notInstructor": NoArgs;
  "lti.deepLinkGone": NoArgs;
  "lti.duplicatePlatform": NoArgs;
  "lti.badUrl": NoArgs;
  "notFound.platform": NoArgs;
  "notFound.deepLink": NoArgs;
  "cohorts.facilitatorOnly": NoArgs;
  "cohorts.suspended": NoArgs;
  "cohorts.tooManyInvitations": { maximum: number };
  "cohorts.ownerInvitesOnly": NoArgs;
  "cohorts.invitationGone": NoArgs;
  "cohorts.learnerInGroup": NoArgs;
  "account.runsGroups": { groups: number };
  "rosters.hasProblems": { problems: number };
  "rosters.changed": NoArgs;
  "names.groupEmpty": NoArgs;
  "names.displayNameEmpty": NoArgs;
  "names.nicknameEmpty": NoArgs;
  "names.nicknameCharacters": NoArgs;
  "names.bidi": { codePoint: string };
  "names.control": { codePoint: string };
  "names.invisible": { codePoint: string };
  "names.mark": NoArgs;
  "quiz.unknownQuestion": NoArgs;
  "quiz.invalidAnswer": { question: string };
  "quiz.checkNotSetUp": NoArgs;
  "quiz.notSetUp": NoArgs;
  "quiz.notYourVersion": NoArgs;
  "quiz.checkTaken": NoArgs;
  "quiz.attemptOtherLesson": NoArgs;
  "quiz.answerIdUsed": NoArgs;
  "quiz.alreadyAnswered": NoArgs;
  "quiz.attemptFinished": NoArgs;
  "live.archived": NoArgs;
  "live.chooseCourse": NoArgs;
  "live.noJoinCode": NoArgs;
  "live.noSession": NoArgs;
  "live.codeFormat": NoArgs;
  "live.chooseNickname": NoArgs;
  "live.full": { capacity: number };
  "live.ended": NoArgs;
  "live.unknownStep": NoArgs;
  "live.notNow": NoArgs;
  "live.badOrder": NoArgs;
  "live.noContent": NoArgs;
  "live.changedElsewhere": NoArgs;
  "live.staleControl": NoArgs;
  "live.closed": NoArgs;
  "live.answerDoesNotFit": NoArgs;
  "live.alreadyAnswered": NoArgs;
  "live.membersOnly": NoArgs;
  "live.finishCheckFirst": NoArgs;
  "hall.badFile": NoArgs;
  "hall.otherCourse": NoArgs;
  "hall.sameGroup": NoArgs;
  "hall.otherGroup": NoArgs;
  "hall.idTaken": NoArgs;
  "xapi.badAddress": NoArgs;
  "xapi.keyAndSecret": NoArgs;
  "certificates.notFinished": NoArgs;
  "certificates.noAttendees": NoArgs;
  "certificates.notMembers": NoArgs;
  "validation.required": NoArgs;
  "validation.invalidType": NoArgs;
  "validation.tooSmall.string": { minimum: number };
  "validation.tooSmall.number": { minimum: number };
  "validation.tooSmall.array": { minimum: number };
  "validation.tooBig.string": { maximum: number };
  "validation.tooBig.number": { maximum: number };
  "validation.tooBig.array": { maximum: number };
  "validation.invalidFormat.email": NoArgs;
  "validation.invalidFormat.uuid": NoArgs;
  "validation.invalidFormat.date": NoArgs;
  "validation.invalidFormat.other": NoArgs;
  "validation.invalidValue": NoArgs;
  "validation.unrecognizedKeys": NoArgs;
  "validation.invalid": NoArgs;
}

export type ServerErrorKey = keyof ServerErrorArgs;
/** The keys that take no arguments: the ones a zod schema may name as its custom message. */
export type PlainErrorKey = { [K in ServerErrorKey]: ServerErrorArgs[K] extends NoArgs ? K : never }[ServerErrorKey];
/** A key with its arguments, as one value (for functions that choose among several messages). */
export type ServerMessage = { [K in ServerErrorKey]: ServerErrorArgs[K] extends NoArgs ? { key: K; args?: NoArgs } : { key: K; args: ServerErrorArgs[K] } }[ServerErrorKey];
/** The things a 404 can name: `notFound("group")`, `idParam(params, "cohort", "group")`. */
export type NotFoundThing = ServerErrorKey extends infer K ? (K extends `notFound.${infer T}` ? T : never) : never;

export interface ErrorDetails {
  /** The form field the message is about; the form shows it beside that control. */
  field?: string;
  /** A rate limit's wait, sent as Retry-After. */
  retryAfterSeconds?: number;
  [more: string]: unknown;
}

/** The arguments after the key: required when the message has any, else optional. */
type ArgsAndDetails<K extends ServerErrorKey> = ServerErrorArgs[K] extends NoArgs ? [args?: NoArgs, details?: ErrorDetails] : [args: ServerErrorArgs[K], details?: ErrorDetails];

/** A message key a zod schema names as its error, checked at compile time. */
export const errorKey = <K extends PlainErrorKey>(key: K): K => key;

export class AppError<K extends ServerErrorKey = ServerErrorKey> extends Error {
  readonly args: ServerErrorArgs[K];
  readonly details?: ErrorDetails;

  constructor(
    readonly code: ErrorCode,
    readonly key: K,
    ...[args, details]: ArgsAndDetails<K>
  ) {
    // The key, not words: logs stay in one language and searchable.
    super(key);
    this.name = "AppError";
    this.args = (args ?? {}) as ServerErrorArgs[K];
    this.details = details;
  }

  /** A message chosen at run time (a password check's verdict) with its arguments. */
  static of(code: ErrorCode, message: ServerMessage, details?: ErrorDetails): AppError {
    return new (AppError as new (code: ErrorCode, key: ServerErrorKey, args?: object, details?: ErrorDetails) => AppError)(code, message.key, message.args ?? {}, details);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what: NotFoundThing) => new AppError("not_found", `notFound.${what}`);
