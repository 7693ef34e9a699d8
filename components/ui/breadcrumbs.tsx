import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

export interface Crumb {
  /** Text, or a user-supplied name inside <bdi> (components/ui/user-text.tsx). */
  label: ReactNode;
  /** Omitted for the current page (the last crumb) or a crumb that is not a page of its own. */
  href?: string;
  /** false for a last crumb that is not the page itself (a lesson's module). */
  current?: boolean;
}

/** "Courses › Course › Module" above a page title; the last crumb is marked as the current page. */
export async function Breadcrumbs({ locale, items }: { locale: string; items: Crumb[] }) {
  const t = await getTranslations({ locale, namespace: "site" });
  return (
    <nav className="breadcrumbs" aria-label={t("breadcrumb")}>
      <ol>
        {items.map((c, i) => (
          <li key={i} aria-current={!c.href && i === items.length - 1 && c.current !== false ? "page" : undefined}>
            {c.href ? <Link href={c.href}>{c.label}</Link> : c.label}
          </li>
        ))}
      </ol>
    </nav>
  );
}
