import { env } from "@/lib/env";
import { json, userRoute } from "@/lib/http/handler";
import { localeInput, localeSetCookie, saveLocale } from "@/lib/account/locale";

/**
 * Remember my language: on my account (so another browser gets it at sign-in) and on this
 * browser (the NEXT_LOCALE cookie that "/" is negotiated by). Guests need no request: the
 * switcher sets the cookie itself.
 */
export const POST = userRoute(localeInput, async ({ db, user, input }) => {
  const saved = await saveLocale(db, user, input);
  return json(saved, 200, { "Set-Cookie": localeSetCookie(saved.locale, env().secureCookies) });
});
