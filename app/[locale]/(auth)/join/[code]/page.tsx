import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { joinCodeCohort } from "@/lib/cohorts/page-data";
import { AppError } from "@/lib/errors";
import { JoinAsMember, NicknameJoin, type JoinLabels } from "@/components/join/join-actions";
import { normaliseCode } from "@/components/join/code";
import { NAME_SLOT, withNames } from "@/components/ui/user-text";
import { LiveJoinScreen } from "@/components/live/live-join-screen";
import { liveSessionByCode, type LiveByCode } from "@/lib/live/page-data";

export const metadata: Metadata = { robots: { index: false } };

/** The cohort the code opens, null when no open cohort has it, or the wait after too many misses. */
async function openCohort(code: string): Promise<{ name: string } | null | { retryAfterSeconds: number }> {
  try {
    return await joinCodeCohort(code);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    if (e instanceof AppError && e.code === "throttled") return { retryAfterSeconds: Number(e.details?.retryAfterSeconds ?? 600) };
    throw e;
  }
}

/** The live session the code opens (tried first: a hall of phones is no series of misses), or the wait. */
async function liveByCode(code: string): Promise<LiveByCode | null | { retryAfterSeconds: number }> {
  try {
    return await liveSessionByCode(code);
  } catch (e) {
    if (e instanceof AppError && e.code === "throttled") return { retryAfterSeconds: Number(e.details?.retryAfterSeconds ?? 600) };
    throw e;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Where a join link leads: join with your account, or with a nickname only; or a live session's join. */
export default async function JoinCodePage(props: PageProps<"/[locale]/join/[code]">) {
  const { locale, code: raw } = await props.params;
  setRequestLocale(locale);
  const code = normaliseCode(safeDecode(raw));
  const [user, live, t, ta] = await Promise.all([
    currentUser(),
    liveByCode(code),
    getTranslations({ locale, namespace: "join" }),
    getTranslations({ locale, namespace: "auth" }),
  ]);
  if (live && "id" in live) return <LiveJoinScreen locale={locale} code={code} live={live} user={user} />;
  const cohort = live ?? (await openCohort(code));
  if (!cohort) notFound();
  if ("retryAfterSeconds" in cohort) {
    return (
      <div className="container">
        <div className="narrow">
          <h1>{t("tooManyTitle")}</h1>
          <p className="lead">{t("tooManyBody", { minutes: Math.max(1, Math.ceil(cohort.retryAfterSeconds / 60)) })}</p>
        </div>
      </div>
    );
  }
  const name = cohort.name;
  const labels: JoinLabels = {
    joinButton: withNames(t("joinButton", { name: NAME_SLOT }), name),
    nicknameLabel: t("nicknameLabel"),
    nicknameHint: t("nicknameHint"),
    nicknameSubmit: t("nicknameSubmit"),
    detailsTitle: t("detailsTitle"),
    detailsWarning: t("detailsWarning"),
    detailsOnce: t("detailsOnce"),
    loginName: t("loginName"),
    passphrase: t("passphrase"),
    writtenDown: t("writtenDown"),
    continue: t("continue"),
    joinedGroup: withNames(t("joinedGroup", { name: NAME_SLOT }), name),
    errorTitle: ta("errorTitle"),
    failed: ta("failed"),
    working: ta("working"),
  };
  const next = encodeURIComponent(`/${locale}/join/${code}`);
  return (
    <div className="container">
      <div className={user ? "reading" : undefined}>
        <p className="eyebrow join-eyebrow">{t("eyebrow")}</p>
        <h1>{withNames(t("joinTitle", { name: NAME_SLOT }), name)}</h1>
        {user ? (
          <>
            <p className="lead">{withNames(t("signedInLead", { user: NAME_SLOT }), user.displayName)}</p>
            <p>{t("joinNote")}</p>
            <JoinAsMember code={code} locale={locale} labels={labels} />
          </>
        ) : (
          <>
            <p className="lead">{t("chooseLead")}</p>
            <div className="join-choices">
              <section className="card" aria-labelledby="nickname-title">
                <h2 id="nickname-title">{t("nicknameTitle")}</h2>
                <p>{t("nicknameLead")}</p>
                <NicknameJoin code={code} locale={locale} labels={labels} />
                <p className="meta join-privacy">{t("nicknamePrivacy")}</p>
              </section>
              <section className="card" aria-labelledby="account-title">
                <h2 id="account-title">{t("accountTitle")}</h2>
                <p>{t("accountLead")}</p>
                <div className="join-account-links">
                  <Link className="button" href={`/${locale}/sign-in?next=${next}`}>
                    {t("signInToJoin")}
                  </Link>
                  <Link className="button secondary" href={`/${locale}/sign-up?next=${next}`}>
                    {t("createAccount")}
                  </Link>
                </div>
              </section>
            </div>
            <p className="meta">{t("joinNote")}</p>
          </>
        )}
      </div>
    </div>
  );
}
