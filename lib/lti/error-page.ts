// The LTI error page's words: the message of an LTI refusal's key (lib/errors.ts, "lti.*"), or
// the general one for anything else a query might say.
import "server-only";
import type { ServerErrorKey } from "@/lib/errors";
import { hasServerError, serverErrorText } from "@/lib/http/error-text";

export async function ltiErrorMessage(locale: string, code: string | string[] | undefined): Promise<{ key: string; text: string }> {
  const named = typeof code === "string" && /^(lti\.[a-zA-Z]{1,40}|http\.tooLarge)$/.test(code) ? code : "http.internal";
  const key = hasServerError("en", named) ? named : "http.internal";
  return { key, text: serverErrorText(locale, { key: key as ServerErrorKey }) };
}
