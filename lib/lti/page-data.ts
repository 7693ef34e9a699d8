// What the LTI and admin pages show, for the signed-in user (app/ never reads the database).
import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { appOrigin } from "@/lib/http/same-origin";
import { LAUNCH_PATH, LOGIN_PATH } from "./launch";
import { deepLinkOptions } from "./deep-linking";
import { listPlatforms, type Platform } from "./platforms";

/** The picker of an open deep-linking request of the signed-in teacher, or null (gone, used, someone else's). */
export async function deepLinkPicker(id: string, locale: string) {
  const user = await currentUser();
  if (!user || !z.uuid().safeParse(id).success) return null;
  try {
    return await deepLinkOptions(await getDb(), user, id, locale);
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}

/** The registered platforms, for an admin; null for anyone else. */
export async function adminPlatforms(): Promise<{ platforms: Platform[] } | null> {
  const user = await currentUser();
  if (!user || user.role !== "admin") return null;
  return { platforms: await listPlatforms(await getDb(), user) };
}

/** The values an LMS admin pastes into their platform's tool settings (docs/lti.md). */
export async function toolValues(): Promise<Record<"toolUrl" | "loginUrl" | "redirectUrl" | "jwksUrl" | "deepLinkUrl", string>> {
  const h = await headers();
  // The same rule as every other use of the app's own origin (lib/http/same-origin.ts).
  const origin = appOrigin(new Request("http://app.invalid/", { headers: { host: h.get("host") ?? "localhost", "x-forwarded-host": h.get("x-forwarded-host") ?? "", "x-forwarded-proto": h.get("x-forwarded-proto") ?? "" } }));
  return {
    toolUrl: `${origin}/en/lti/courses`,
    loginUrl: `${origin}${LOGIN_PATH}`,
    redirectUrl: `${origin}${LAUNCH_PATH}`,
    jwksUrl: `${origin}/api/lti/jwks`,
    deepLinkUrl: `${origin}${LAUNCH_PATH}`,
  };
}
