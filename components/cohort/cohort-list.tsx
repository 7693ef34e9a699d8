import Link from "@/components/ui/link";
import { UserText } from "@/components/ui/user-text";
import { getTranslations } from "next-intl/server";
import type { CohortSummary } from "./cohort-data";
import { JoinCode } from "./join-code";
import "./cohort.css";

/** The facilitator's groups, open ones first, each linking to its page. */
export async function CohortList({ locale, cohorts }: { locale: string; cohorts: CohortSummary[] }) {
  const t = await getTranslations({ locale, namespace: "facilitate.groups" });
  if (cohorts.length === 0) return <p className="cohort-empty">{t("empty")}</p>;
  const ordered = [...cohorts.filter((c) => !c.archived), ...cohorts.filter((c) => c.archived)];
  return (
    <ul className="cohort-list">
      {ordered.map((c) => (
        <li key={c.id} className={`card cohort-card${c.archived ? " is-archived" : ""}`}>
          <h3>
            <Link href={`/${locale}/facilitate/${c.id}`}>
              <UserText>{c.name}</UserText>
            </Link>
          </h3>
          <p className="cohort-facts">
            <span>{c.kind === "class" ? t("kindClass") : t("kindWorkshop")}</span>
            <span>{t("members", { count: c.members })}</span>
            <span>{c.owner ? t("owner") : t("coFacilitator")}</span>
            {c.archived && <span className="tag">{t("archived")}</span>}
          </p>
          {!c.archived && (
            <p className="cohort-card-code">
              {t("code")} <JoinCode code={c.joinCode} className="join-code-small" />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
