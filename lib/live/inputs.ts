// The request bodies of the live routes, one zod schema each (app/api/live/...).
import { z } from "zod";
import { slug } from "@/lib/content/schema";
import { errorKey } from "@/lib/errors";
import { userName } from "@/lib/text/name-schema";
import { keyed, type Step } from "./steps";

const locale = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/);
const key = z.string().min(1).max(300);

export const createInput = z.strictObject({
  /** A group session; without it, an ad hoc session of `courseId` in `locale`. */
  cohortId: z.uuid().optional(),
  locale: locale.optional(),
  courseId: slug.optional(),
  /** A workshop plan whose steps become the running order. */
  trackId: slug.optional(),
});
export type CreateInput = z.infer<typeof createInput>;

export const joinInput = z.strictObject({
  /** As typed: spaces, dashes and lower case are forgiven. */
  code: z
    .string()
    .max(20)
    .transform((c) => c.toUpperCase().replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/, errorKey("live.codeFormat"))),
  nickname: userName("live.chooseNickname", 30).optional(),
});
export type JoinInput = z.infer<typeof joinInput>;

/** A step of the session's course, by address (the course is the session's own). */
export const stepAddress = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.enum(["question", "discernment"]), lesson: slug, question: slug }),
  z.strictObject({ kind: z.literal("scenario"), lesson: slug, scenario: slug }),
  z.strictObject({ kind: z.literal("check"), slot: z.enum(["pre", "post"]) }),
  z.strictObject({ kind: z.literal("discussion"), track: slug, part: slug, index: z.number().int().min(0).max(50) }),
]);
export type StepAddress = z.infer<typeof stepAddress>;

/** The step an address names in a course; the store checks that the content exists. */
export function stepOf(course: string, a: StepAddress): Step | undefined {
  try {
    switch (a.kind) {
      case "question":
      case "discernment":
        return keyed({ kind: a.kind, ref: { kind: "question", course, quiz: { kind: "lesson", lesson: a.lesson }, question: a.question } });
      case "scenario":
        return keyed({ kind: "scenario", course, lesson: a.lesson, scenario: a.scenario });
      case "check":
        return keyed({ kind: "check", ref: { kind: "check", course, slot: a.slot } });
      case "discussion":
        return keyed({ kind: "discussion", track: a.track, part: a.part, index: a.index });
    }
  } catch {
    // A lesson slug that reads as another activity ("assessment-pre"): names nothing.
    return undefined;
  }
}

/**
 * The seq of the view the control was pressed on: when another device has moved the session since,
 * the action is refused (a conflict) rather than applied to a step the facilitator did not see.
 */
const seenSeq = { seq: z.number().int().min(1).optional() };

export const controlInput = z.discriminatedUnion("type", [
  z.strictObject({ type: z.enum(["start", "next", "reveal", "open-voting", "close-voting", "follow", "back", "end"]), ...seenSeq }),
  z.strictObject({ type: z.literal("goto"), key, ...seenSeq }),
  z.strictObject({ type: z.literal("add"), step: stepAddress, ...seenSeq }),
  z.strictObject({ type: z.literal("other"), choice: slug.optional(), ...seenSeq }),
  z.strictObject({ type: z.literal("names"), show: z.boolean(), ...seenSeq }),
  z.strictObject({ type: z.literal("reorder"), keys: z.array(key).min(1).max(500), ...seenSeq }),
  z.strictObject({ type: z.literal("skip"), key, skip: z.boolean(), ...seenSeq }),
]);
export type ControlInput = z.infer<typeof controlInput>;

export const liveAnswerInput = z.strictObject({
  /** The client's id for this answer: a resend with the same id is the same answer. */
  id: z.uuid(),
  /** The round the phone answers (from its view), so a late answer never lands on the next one. */
  round: key,
  /** Option, choice or mark ids; never free text. */
  chosen: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?::[a-z0-9]+(?:-[a-z0-9]+)*)?$/).max(120)).min(1).max(24),
});
export type LiveAnswerInput = z.infer<typeof liveAnswerInput>;

export const VIEWS = ["facilitator", "projector", "participant"] as const;
export type ViewName = (typeof VIEWS)[number];
export const viewInput = z.strictObject({ view: z.enum(VIEWS).default("participant") });
export const eventsInput = viewInput.extend({ lastEventId: z.string().regex(/^\d{1,15}$/).optional() });
