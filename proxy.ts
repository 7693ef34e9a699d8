// Only redirects: "/" and paths without a locale go to the visitor's language: the one they chose
// (the NEXT_LOCALE cookie, set by the language switcher and, from the account, at sign-in), else
// Accept-Language among the enabled locales, else the default. Nothing is authorised here;
// deleting this file opens nothing.
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

export default createMiddleware(routing);

export const config = {
  // Skip API routes, Next internals, files with an extension and paths that already start with a
  // locale-shaped segment ("en", "pt-BR"), so static lesson pages pay nothing for the proxy.
  matcher: ["/((?!api/|_next/|_vercel|[a-z][a-z](?:-[A-Z][A-Z])?(?:/|$)|.*\\..*).*)"],
};
