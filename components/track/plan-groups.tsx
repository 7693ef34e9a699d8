"use client";
// "Your groups on this plan" on a plan's page. The page is static, so the list is fetched in the
// browser, and only when the sign-in hint says a facilitator or admin is here (no request for
// anyone else); the link to My groups is there for everyone, scripts or not.
import { useEffect, useState, useSyncExternalStore } from "react";
import Link from "@/components/ui/link";
import { readAccountHint, roleFromHint, subscribeSignedInHint } from "@/components/progress/account-hint";
import { UserText } from "@/components/ui/user-text";

export type PlanGroupsLabels = Record<"title" | "lead" | "myGroups" | "listLead" | "none", string>;

interface Group {
  id: string;
  name: string;
  trackId: string;
  archived: boolean;
}

export function PlanGroups({ locale, track, labels }: { locale: string; track: string; labels: PlanGroupsLabels }) {
  const role = roleFromHint(useSyncExternalStore(subscribeSignedInHint, readAccountHint, () => ""));
  const runsGroups = role === "facilitator" || role === "admin";
  const [groups, setGroups] = useState<Group[] | null>(null);

  useEffect(() => {
    if (!runsGroups) return;
    let live = true;
    fetch("/api/cohorts", { cache: "no-store", headers: { Accept: "application/json" } })
      .then((res) => (res.ok ? (res.json() as Promise<Group[]>) : null))
      .then((all) => {
        if (live && all) setGroups(all.filter((g) => g.trackId === track && !g.archived));
      })
      .catch(() => undefined); // the link to My groups stays: the list is a shortcut, not the way in
    return () => {
      live = false;
    };
  }, [runsGroups, track]);

  return (
    <section aria-labelledby="plan-groups-title" className="plan-groups">
      <h2 id="plan-groups-title">{labels.title}</h2>
      <p>{labels.lead}</p>
      <p>
        <Link href={`/${locale}/facilitate`}>{labels.myGroups}</Link>
      </p>
      {groups && (
        <>
          <p>{groups.length > 0 ? labels.listLead : labels.none}</p>
          {groups.length > 0 && (
            <ul>
              {groups.map((g) => (
                <li key={g.id}>
                  <Link href={`/${locale}/facilitate/${g.id}#plan`}>
                    <UserText>{g.name}</UserText>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
