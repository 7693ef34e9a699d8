"use client";
import { useEffect, useSyncExternalStore } from "react";
import Link from "next/link";
import { isSignedInHint, subscribeSignedInHint } from "@/components/progress/account-hint";
import { flush } from "@/components/progress/outbox";

/** "Sign in", or "My progress" and "Account" once signed in (from the hint cookie; no request). */
export function AccountNav({ locale, labels }: { locale: string; labels: { signIn: string; myProgress: string; account: string } }) {
  const signedIn = useSyncExternalStore(subscribeSignedInHint, isSignedInHint, () => false);
  // Any answers left waiting from an earlier page (or visit) go out now.
  useEffect(() => {
    if (signedIn) void flush();
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
      <li>
        <Link href={`/${locale}/account`}>{labels.account}</Link>
      </li>
    </>
  );
}
