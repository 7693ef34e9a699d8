import type { Metadata } from "next";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { groupForLearner } from "@/lib/cohorts/page-data";
import { AppError } from "@/lib/errors";
import { signInPath } from "@/lib/http/redirect";
import { plainName } from "@/lib/text/names";
import { WhatNow, WHAT_NOW_LABEL_KEYS, type WhatNowLabels } from "@/components/group/what-now";

type Props = PageProps<"/[locale]/groups/[cohort]">;

/** The group as the signed-in learner sees it; null when signed out or not a member (both look alike to a guesser). */
const readGroup = cache(async (cohortId: string) => {
  const actor = await currentUser();
  if (!actor) return null;
  try {
    return await groupForLearner(actor, cohortId);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
});

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { cohort } = await props.params;
  const group = await readGroup(cohort);
  return { title: group ? plainName(group.name) : undefined, robots: { index: false } };
}

/** Where joining a group ends: the group's one next thing, then the rest. */
export default async function GroupPage(props: Props) {
  const { locale, cohort } = await props.params;
  setRequestLocale(locale);
  if (!(await currentUser())) redirect(signInPath(locale, `/${locale}/groups/${encodeURIComponent(cohort)}`));
  const group = await readGroup(cohort);
  if (!group) notFound();
  const t = await getTranslations({ locale, namespace: "group" });
  const labels = Object.fromEntries(WHAT_NOW_LABEL_KEYS.map((k) => [k, t.raw(k) as string])) as WhatNowLabels;
  return <WhatNow view={group} locale={locale} labels={labels} />;
}
