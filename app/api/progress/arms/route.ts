import { z } from "zod";
import { slug } from "@/lib/content/schema";
import { armsFor } from "@/lib/experiments/arms";
import { userRoute } from "@/lib/http/handler";

const armsInput = z.strictObject({ locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, "unknown language"), courseId: slug });

/**
 * My arms in the course's experiments (which check form comes first, which version of each bias
 * pair I see), drawn and recorded the first time. A POST: the first call writes.
 */
export const POST = userRoute(armsInput, async ({ db, user, input }) => ({ arms: await armsFor(db, user, input.locale, input.courseId) }));
