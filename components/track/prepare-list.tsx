import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { PrepareItem } from "@/lib/content/schema";
import { materialPath, planPagePath } from "./paths";

/**
 * What to bring or get ready, each printed thing with a link to the page that prints it (the
 * content check makes sure a printed thing always names one: lib/content/plan.ts).
 */
export async function PrepareList({ locale, track, items, titles }: { locale: string; track: string; items: PrepareItem[]; titles: Record<string, string> }) {
  const t = await getTranslations({ locale, namespace: "tracks" });
  const tm = await getTranslations({ locale, namespace: "materials" });
  return (
    <ul className="prepare-list">
      {items.map((item) => (
        <li key={item.text}>
          {item.text}
          {(item.print.length > 0 || item.page) && (
            <span className="handout-links">
              {item.print.map((id) => (
                <span key={id} className="handout-link">
                  <Link href={materialPath(locale, track, id)}>{tm("handout", { title: titles[id] ?? id })}</Link>
                </span>
              ))}
              {item.page && (
                <span className="handout-link">
                  <Link href={planPagePath(locale, item.page)}>{t(`page_${item.page}`)}</Link>
                </span>
              )}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
