// Who is asking: the only way pages, route handlers and actions learn the current user.
import "server-only";
import { getServerSession } from "next-auth";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { SessionUser } from "./accounts";
import { authOptions } from "./options";

/**
 * The signed-in user, or null. The JWT callback has already checked, against the database, that
 * the account exists and the session version matches, and refreshed the role.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: string; role?: SessionUser["role"]; name?: string } | undefined;
  if (!user?.id || !user.role) return null;
  return { id: user.id, role: user.role, displayName: user.name ?? "" };
}

/** The signed-in user, or an "unauthenticated" AppError (401). */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    log("auth.denied", { reason: "unauthenticated" });
    throw new AppError("unauthenticated", "Sign in to continue.");
  }
  return user;
}
