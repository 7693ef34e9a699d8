// A zod validation problem as a server error key with typed arguments, by issue code, so the
// reader gets it in their language. A schema's own message is used when it is a key (errorKey in
// lib/errors.ts); any other custom text (developer words) becomes the general "not valid".
import type { z } from "zod";
import type { ServerMessage } from "@/lib/errors";
import { hasServerError, FALLBACK_LOCALE } from "./error-text";

type Sized = "string" | "number" | "array";
const sized = (origin: unknown): Sized | undefined =>
  origin === "string" || origin === "number" || origin === "array" ? origin : origin === "int" || origin === "bigint" ? "number" : origin === "set" ? "array" : undefined;

export function issueMessage(issue: z.core.$ZodIssue): ServerMessage {
  if (issue.message && issue.message.includes(".") && hasServerError(FALLBACK_LOCALE, issue.message)) {
    // A schema named a key (errorKey); a custom issue may carry its arguments as params
    // (lib/text/names.ts nameRefusalMessage).
    const params = issue.code === "custom" ? issue.params : undefined;
    return { key: issue.message, args: params ?? {} } as ServerMessage;
  }
  switch (issue.code) {
    case "invalid_type":
      return { key: issue.input === undefined ? "validation.required" : "validation.invalidType" };
    case "too_small": {
      const kind = sized(issue.origin);
      if (kind) return { key: `validation.tooSmall.${kind}`, args: { minimum: Number(issue.minimum) } };
      return { key: "validation.invalid" };
    }
    case "too_big": {
      const kind = sized(issue.origin);
      if (kind) return { key: `validation.tooBig.${kind}`, args: { maximum: Number(issue.maximum) } };
      return { key: "validation.invalid" };
    }
    case "invalid_format":
      if (issue.format === "email") return { key: "validation.invalidFormat.email" };
      if (issue.format === "uuid" || issue.format === "guid") return { key: "validation.invalidFormat.uuid" };
      if (issue.format === "date" || issue.format === "datetime") return { key: "validation.invalidFormat.date" };
      return { key: "validation.invalidFormat.other" };
    case "invalid_value":
      return { key: "validation.invalidValue" };
    case "unrecognized_keys":
      return { key: "validation.unrecognizedKeys" };
    default:
      return { key: "validation.invalid" };
  }
}
