// The zod building block for every user-supplied name (display name, group name, nickname): NFC
// and trimmed before the length checks, refused when lib/text/names.ts refuses it. Kept apart
// from names.ts so client components that only print names do not bundle zod.
import { z } from "zod";
import { nameRefusal, nameRefusalMessage, normaliseName } from "./names";

export function userName(messages: { empty: string; tooLong: string }, max: number) {
  return z
    .string()
    .overwrite(normaliseName)
    // First, so the message names the character rather than the length it added.
    .superRefine((name, ctx) => {
      const refusal = nameRefusal(name);
      if (refusal) ctx.addIssue({ code: "custom", message: nameRefusalMessage(refusal) });
    })
    .min(1, messages.empty)
    .max(max, messages.tooLong);
}
