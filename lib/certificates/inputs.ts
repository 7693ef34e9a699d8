// The certificate routes' inputs, one zod schema each (types by z.infer).
import { z } from "zod";
import { userName } from "@/lib/text/name-schema";
import { MAX_CREDENTIAL_CHARS } from "./verify";

const printedName = z.union([userName("names.displayNameEmpty", 80), z.null()]);

/** Issue: the course's certificate (courseId) or an attendance award (credentialId), with the name to print or null. */
export const issueInput = z
  .strictObject({
    printedName,
    locale: z.string().min(2).max(35).optional(),
    courseId: z.string().min(1).max(100).optional(),
    credentialId: z.uuid().optional(),
  })
  // One flat object, so a refused name is reported on its field; exactly one target.
  .refine((i) => (i.credentialId === undefined) !== (i.courseId === undefined || i.locale === undefined), { message: "validation.invalid" });
export type IssueInput = z.infer<typeof issueInput>;

/** Verify: the text of a credential file or token, bounded. */
export const verifyInput = z.strictObject({ text: z.string().min(1).max(MAX_CREDENTIAL_CHARS) });
