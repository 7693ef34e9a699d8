// The zod building block for every user-supplied name (display name, group name, nickname): NFC
// and trimmed before the length checks, refused when lib/text/names.ts refuses it. Kept apart
// from names.ts so client components that only print names do not bundle zod.
// Messages are server error keys (lib/errors.ts); a name too long gets validation.tooBig.string.
import { z } from "zod";
import type { PlainErrorKey } from "@/lib/errors";
import { nameRefusal, nameRefusalMessage, normaliseName } from "./names";

export function userName(empty: PlainErrorKey, max: number) {
  return z
    .string()
    .overwrite(normaliseName)
    // First, so the message names the character rather than the length it added.
    .superRefine((name, ctx) => {
      const refusal = nameRefusal(name);
      if (refusal) ctx.addIssue({ code: "custom", ...nameRefusalMessage(refusal) });
    })
    .min(1, empty)
    .max(max);
}
