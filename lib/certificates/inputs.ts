// The certificate routes' inputs, one zod schema each (types by z.infer).
import { z } from "zod";
import { userName } from "@/lib/text/name-schema";
import { MAX_CREDENTIAL_CHARS } from "./verify";

const printedName = z.union([userName("names.displayNameEmpty", 80), z.null()]);

/** Issue: the course's certificate (courseId) or an attendance award (credentialId), with the name to print or null. */
export const issueInput = z.union([
  z.strictObject({ locale: z.string().min(2).max(35), courseId: z.string().min(1).max(100), printedName }),
  z.strictObject({ credentialId: z.uuid(), printedName }),
]);
export type IssueInput = z.infer<typeof issueInput>;

/** Verify: the text of a credential file or token, bounded. */
export const verifyInput = z.strictObject({ text: z.string().min(1).max(MAX_CREDENTIAL_CHARS) });
