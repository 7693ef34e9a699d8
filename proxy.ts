// Redirects, and one header. "/" and paths without a locale go to the visitor's language: the one
// they chose (the NEXT_LOCALE cookie, set by the language switcher and, from the account, at
// sign-in), else Accept-Language among the enabled locales, else the default. The LTI pages
// (/<locale>/lti/...) get their framing policy here (lib/lti/frame-policy.ts): the registered LMSs
// may frame them. Nothing is authorised here; deleting this file opens nothing (the LTI pages then
// keep frame-ancestors 'none' from next.config.js).
import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "./lib/env";
import { contentSecurityPolicy } from "./lib/http/csp";
import { frameOrigins, LTI_PAGE, ltiPolicy } from "./lib/lti/frame-policy";
import { routing } from "./i18n/routing";

const localise = createMiddleware(routing);

export default async function proxy(request: NextRequest) {
  if (LTI_PAGE.test(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    const policy = contentSecurityPolicy(env().nodeEnv === "production");
    // If the platforms cannot be read, the page stays unframable ('none'), never open.
    const origins = await frameOrigins().catch(() => []);
    response.headers.set("Content-Security-Policy", ltiPolicy(policy, origins));
    return response;
  }
  // Never an API route (its LTI endpoints have a path like the pages'): nothing to localise.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  return localise(request);
}

export const config = {
  // Skip API routes, Next internals, files with an extension and paths that already start with a
  // locale-shaped segment ("en", "pt-BR"), so static lesson pages pay nothing for the proxy; and
  // the LTI pages, for their framing policy.
  matcher: ["/((?!api/|_next/|_vercel|[a-z][a-z](?:-[A-Z][A-Z])?(?:/|$)|.*\\..*).*)", "/:locale([a-z]{2}|[a-z]{2}-[A-Z]{2})/lti", "/:locale([a-z]{2}|[a-z]{2}-[A-Z]{2})/lti/:path*"],
};
