import { publicRoute } from "@/lib/http/handler";
import { publicAnswerInput } from "@/lib/progress/inputs";
import { gradePublicAnswer } from "@/lib/progress/public-grade";

/**
 * A guest's answer to an assessment or booster question: graded, returned with its key, never
 * stored. Same-origin and a bounded body (publicRoute), at most 30 choices (the schema); grading
 * is a pure function of the content, so there is no state to protect with a rate limit.
 */
export const POST = publicRoute(publicAnswerInput, async ({ input }) => gradePublicAnswer(input));
