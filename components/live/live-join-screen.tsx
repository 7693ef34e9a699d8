import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/accounts";
import type { LiveByCode } from "@/lib/live/page-data";
import { JoinCodeEntry } from "@/components/join/join-code-entry";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";
import { LiveMemberJoin, LiveNicknameJoin, type LiveJoinLabels } from "./live-join";

/**
 * The join page for a live session's code: a nickname for an ad hoc session, the member's own
 * account for a group session (signing in first, then back here), and for an ended session a
 * plain word and the code form again (its field holds the code typed).
 */
export async function LiveJoinScreen({ locale, code, live, user }: { locale: string; code: string; live: LiveByCode; user: SessionUser | null }) {
  const t = await getTranslations({ locale, namespace: "livePhone" });
  if (live.ended) {
    return (
      <div className="container">
        <div className="narrow">
          <h1>{t("endedTitle")}</h1>
          <p className="lead">{t("endedBody")}</p>
          <JoinCodeEntry locale={locale} prefillFromPath />
        </div>
      </div>
    );
  }
  const labels: LiveJoinLabels = {
    nicknameLabel: t("nicknameLabel"),
    nicknameHint: t("nicknameHint"),
    joinButton: t("joinButton"),
    errorTitle: t("errorTitle"),
    failed: t("failed"),
    working: t("working"),
  };
  const next = encodeURIComponent(`/${locale}/join/${code}`);
  return (
    <div className="container">
      <div className="narrow live-join">
        <p className="eyebrow">{t("joinEyebrow")}</p>
        <h1>{t("joinTitle")}</h1>
        {live.kind === "adhoc" ? (
          <>
            <p className="lead">{t("adhocLead")}</p>
            <LiveNicknameJoin code={code} locale={locale} labels={labels} />
          </>
        ) : user ? (
          <>
            <p className="lead">{t("groupLead")}</p>
            <LiveMemberJoin code={code} locale={locale} labels={{ ...labels, joinButton: t("joinButton") }} />
            <p className="meta">{withNames(t("youAre", { name: NAME_SLOT }), user.displayName)}</p>
          </>
        ) : (
          <>
            <p className="lead">{t("signInLead")}</p>
            <div className="actions">
              <Link className="button" href={`/${locale}/sign-in?next=${next}`}>
                {t("signIn")}
              </Link>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
