"use client";
import { useEffect, useSyncExternalStore } from "react";
import Link from "@/components/ui/link";
import { readAccountHint, readAccountMarker, roleFromHint, subscribeSignedInHint } from "@/components/progress/account-hint";
import { flush } from "@/components/progress/outbox";
import { refreshRoleHint } from "@/components/progress/session-role";

export type AccountNavLabels = Record<"signIn" | "myProgress" | "account" | "myGroups" | "admin", string>;

const CHECKED = "cg-role-checked";

/**
 * "Sign in", or the signed-in links once signed in (from the hint cookie; no request per page).
 * Facilitators and admins also get "My groups", admins "Admin". The hint only picks links: every
 * page behind them checks the user itself. "Join a group" is for everyone, in the header's line.
 */
export function AccountNav({ locale, labels }: { locale: string; labels: AccountNavLabels }) {
  const role = roleFromHint(useSyncExternalStore(subscribeSignedInHint, readAccountHint, () => ""));
  const signedIn = role !== null;
  useEffect(() => {
    if (!signedIn) return;
    // Any answers left waiting from an earlier page (or visit) go out now.
    void flush();
    // Once per tab: the role may have changed since sign-in (or the session ended elsewhere). Also
    // whenever the outbox does not know whose writes to send (a session from before it asked).
    const markerKnown = readAccountMarker() !== "";
    try {
      if (sessionStorage.getItem(CHECKED) && markerKnown) return;
      sessionStorage.setItem(CHECKED, "1");
    } catch {
      if (markerKnown) return; // storage blocked: keep the hint as it is rather than ask on every page
    }
    // A plain request, not react-query: the header is on every page (page weight).
    void refreshRoleHint().then(() => (markerKnown ? undefined : flush()));
  }, [signedIn]);
  if (!signedIn) {
    return (
      <li>
        <Link href={`/${locale}/sign-in`}>{labels.signIn}</Link>
      </li>
    );
  }
  return (
    <>
      <li>
        <Link href={`/${locale}/dashboard`}>{labels.myProgress}</Link>
      </li>
      {(role === "facilitator" || role === "admin") && (
        <li>
          <Link href={`/${locale}/facilitate`}>{labels.myGroups}</Link>
        </li>
      )}
      <li>
        <Link href={`/${locale}/account`}>{labels.account}</Link>
      </li>
      {role === "admin" && (
        <li>
          <Link href={`/${locale}/admin`}>{labels.admin}</Link>
        </li>
      )}
    </>
  );
}
