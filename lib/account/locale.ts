// The language a person chose, remembered two ways (issue #25): on this browser by the cookie
// next-intl's proxy reads (NEXT_LOCALE, for everyone), and on the account (users.locale) for a
// signed-in person, so that signing in on another browser brings it back: the sign-in response
// sets the cookie from the account (lib/auth/route.ts), and "/" then leads to their language.
import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/accounts";
import type { Db } from "@/lib/db";
import { locales } from "@/i18n/locales";
import { LOCALE_COOKIE } from "@/i18n/locale-cookie";

export const localeInput = z.strictObject({
  locale: z.string().max(16).refine((code) => locales.isLocale(code), { message: "Choose one of the languages the app offers." }),
});

export type LocaleInput = z.infer<typeof localeInput>;

/**
 * The Set-Cookie value that remembers `locale` on this browser. Not HttpOnly: it is next-intl's
 * cookie, which the switcher also writes from the page; it says only a language.
 */
export function localeSetCookie(locale: string, secure: boolean): string {
  return `${LOCALE_COOKIE.name}=${encodeURIComponent(locale)}; Path=/; Max-Age=${LOCALE_COOKIE.maxAge}; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** Saves the signed-in person's choice on their own account (the only row it touches). */
export async function saveLocale(handle: Db, user: SessionUser, input: LocaleInput): Promise<{ locale: string }> {
  await handle.db.updateTable("users").set({ locale: input.locale }).where("id", "=", user.id).execute();
  return { locale: input.locale };
}

/**
 * The language saved on the account that signs in with `signInName` (an email or a nickname
 * account's login name), if it is still one the app offers.
 */
export async function savedLocale(handle: Db, signInName: string): Promise<string | null> {
  const account = signInName.trim().toLowerCase();
  if (!account) return null;
  const row = await handle.db
    .selectFrom("users")
    .select("locale")
    .where(account.includes("@") ? "email" : "login_name", "=", account)
    .executeTakeFirst();
  return row?.locale && locales.isLocale(row.locale) ? row.locale : null;
}
