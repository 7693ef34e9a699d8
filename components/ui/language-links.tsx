"use client";
// The switcher's links: the same page in each language (this path under the other locale's
// prefix, with its query and fragment), so a learner keeps their place. Following one remembers
// the choice: the NEXT_LOCALE cookie next-intl's proxy negotiates "/" by (everyone), and the
// account (signed in; POST /api/account/locale), which signing in elsewhere brings back.
import { useSyncExternalStore, type MouseEvent } from "react";
import { usePathname } from "next/navigation";
import { request } from "@/components/api/api";
import { isSignedInHint } from "@/components/progress/account-hint";
import { LOCALE_COOKIE } from "@/i18n/locale-cookie";
import { inLocale } from "./locale-path";

export interface LanguageLink {
  code: string;
  dir: "ltr" | "rtl";
  /** The language's name in itself, as ASCII HTML (components/ui/ascii-html.ts). */
  nameHtml: string;
}

function subscribe(onChange: () => void) {
  window.addEventListener("popstate", onChange);
  window.addEventListener("hashchange", onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener("hashchange", onChange);
  };
}
const placeNow = () => window.location.search + window.location.hash;

function remember(code: string) {
  document.cookie = `${LOCALE_COOKIE.name}=${encodeURIComponent(code)}; Path=/; Max-Age=${LOCALE_COOKIE.maxAge}; SameSite=Lax${window.location.protocol === "https:" ? "; Secure" : ""}`;
}

export function LanguageLinks({ current, languages }: { current: string; languages: LanguageLink[] }) {
  const pathname = usePathname();
  const place = useSyncExternalStore(subscribe, placeNow, () => "");

  const choose = (e: MouseEvent<HTMLAnchorElement>, code: string) => {
    remember(code);
    // A new tab or window: the browser opens it; the cookie is already set.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !isSignedInHint()) return;
    // Signed in: save it on the account first (whatever the answer, the page changes).
    e.preventDefault();
    const target = inLocale(window.location.pathname, code, placeNow());
    void request("POST", "/api/account/locale", { locale: code })
      .catch(() => undefined)
      .finally(() => window.location.assign(target));
  };

  return (
    <ul className="language-list">
      {languages.map(({ code, dir, nameHtml }) => (
        <li key={code}>
          {/* A full page load, not a client navigation: <html lang dir> and every word change. */}
          <a
            href={inLocale(pathname, code, place)}
            hrefLang={code}
            lang={code}
            dir={dir}
            aria-current={code === current ? "true" : undefined}
            onClick={(e) => choose(e, code)}
            dangerouslySetInnerHTML={{ __html: nameHtml }}
          />
        </li>
      ))}
    </ul>
  );
}
