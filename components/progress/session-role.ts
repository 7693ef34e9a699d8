"use client";
// The signed-in user's role, read from next-auth's session endpoint with the plain API client:
// the site header asks it on every page, and react-query there would load on every page
// (bench/README.md, page weight).
import { apiGet } from "@/components/api/api";
import { setAccountMarker, setSignedInHint, type HintRole } from "./account-hint";
import { markerFromSession } from "./account-marker";

export interface SessionSummary {
  role: HintRole;
  /** The account's opaque marker for the outbox (account-marker.ts). */
  marker: string;
}

/** The session (asked afresh); null when signed out, undefined when it could not be read. */
export async function readSession(): Promise<SessionSummary | null | undefined> {
  try {
    const session = await apiGet<{ user?: { role?: string } } | null>("/api/auth/session");
    const role = session?.user?.role;
    const marker = markerFromSession(session);
    if (!role || !marker) return null;
    return { role: role === "facilitator" || role === "admin" ? role : "learner", marker };
  } catch {
    return undefined; // offline or a server fault: we do not know
  }
}

/** The role (asked afresh); null when signed out, undefined when it could not be read. */
export async function sessionRole(): Promise<HintRole | null | undefined> {
  const session = await readSession();
  return session === undefined ? undefined : (session?.role ?? null);
}

/** Brings the header's hint (and the outbox's account marker) up to date with the session. */
export async function refreshRoleHint(): Promise<void> {
  const session = await readSession();
  if (session === undefined) return;
  setSignedInHint(session?.role ?? false);
  if (session) setAccountMarker(session.marker);
}
