import { getTranslations } from "next-intl/server";

/**
 * What a segment's loading.tsx shows while its data is read: one polite status line, in the page's
 * container so the header and footer do not move when the page arrives.
 */
export async function LoadingState() {
  // loading.tsx gets no params; the locale layout has already set the request locale.
  const t = await getTranslations("errors");
  return (
    <div className="container">
      <p className="meta" role="status" aria-live="polite">
        {t("loading")}
      </p>
    </div>
  );
}
