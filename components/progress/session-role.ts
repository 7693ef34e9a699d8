"use client";
// The signed-in user's role, read from next-auth's session endpoint with the plain API client:
// the site header asks it on every page, and react-query there would load on every page
// (bench/README.md, page weight).
import { apiGet } from "@/components/api/api";
import { setSignedInHint, type HintRole } from "./account-hint";

/** The role (asked afresh); null when signed out, undefined when it could not be read. */
export async function sessionRole(): Promise<HintRole | null | undefined> {
  try {
    const session = await apiGet<{ user?: { role?: string } } | null>("/api/auth/session");
    const role = session?.user?.role;
    if (!role) return null;
    return role === "facilitator" || role === "admin" ? role : "learner";
  } catch {
    return undefined; // offline or a server fault: we do not know
  }
}

/** Brings the header's hint up to date with the session (a role changed, or the session ended). */
export async function refreshRoleHint(): Promise<void> {
  const role = await sessionRole();
  if (role !== undefined) setSignedInHint(role ?? false);
}
