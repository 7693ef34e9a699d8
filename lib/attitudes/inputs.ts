// One zod schema per input of the attitudes data layer; route handlers parse with these.
import { z } from "zod";
import { slug } from "@/lib/content/schema";
import { errorKey } from "@/lib/errors";
import { MECHANISM } from "./randomised-response";

export const attitudeForm = z.enum(["pre", "post"]);

/**
 * A learner's "Your views" answers after a check, as the device sent them: already randomised
 * (randomised-response.ts), so `value` is not the learner's own rating. `mechanism` names how; a
 * page from before randomisation sends none and is told to reload, so no raw rating is stored.
 * No cohort here: the server derives it from the learner's memberships. `courseId` only picks
 * which of those groups the answers belong to (the course whose check was just taken).
 */
export const attitudeSubmission = z.strictObject({
  courseId: slug,
  form: attitudeForm,
  mechanism: z.literal(MECHANISM, { error: errorKey("attitudes.outOfDate") }),
  /** Client-generated: sending the same submission again is recognised, not counted twice. */
  submissionId: z.uuid(),
  answers: z
    .array(z.strictObject({ itemId: slug.max(80, "unknown statement"), value: z.number().int().min(1, "rate from 1 to 5").max(5, "rate from 1 to 5") }))
    .min(1, "answer at least one statement, or skip the questions")
    .max(12)
    .refine((a) => new Set(a.map((x) => x.itemId)).size === a.length, "answer each statement once"),
});
export type AttitudeSubmission = z.infer<typeof attitudeSubmission>;

/** GET /api/attitudes?courseId=...&form=...: may this learner share views, and have they? */
export const attitudeStatusQuery = z.strictObject({ courseId: slug, form: attitudeForm });
export type AttitudeStatusQuery = z.infer<typeof attitudeStatusQuery>;
