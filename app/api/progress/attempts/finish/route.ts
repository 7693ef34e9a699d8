import { z } from "zod";
import { finishAttempt } from "@/lib/progress/answers";
import { userRoute } from "@/lib/http/handler";

const finishInput = z.strictObject({ attemptId: z.uuid(), locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/) });

/** Close a quiz attempt: score it and mark its lesson done. */
export const POST = userRoute(finishInput, ({ db, user, input }) => finishAttempt(db, user, input.attemptId, input.locale));
