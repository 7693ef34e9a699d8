import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { itemCount } from "@/lib/content/materials";
import type { Material } from "@/lib/content";
import "./materials.css";

/** A track's sets, each with what it is, its size and a link to its print page. */
export async function MaterialList({ locale, track, materials }: { locale: string; track: string; materials: Material[] }) {
  const t = await getTranslations({ locale, namespace: "materials" });
  if (materials.length === 0) return <p>{t("indexNone")}</p>;
  return (
    <ul className="material-list">
      {materials.map((m) => (
        <li key={m.id} className="card">
          <p className="eyebrow dotted">
            <span>{t(`kind.${m.kind}`)}</span>
            <span>{t(`count.${m.kind}`, { count: itemCount(m) })}</span>
          </p>
          <h2>
            <Link href={`/${locale}/tracks/${track}/materials/${m.id}`}>{m.title}</Link>
          </h2>
          <p>{m.summary}</p>
          {m.copies && <p className="meta">{t("copies", { copies: m.copies })}</p>}
        </li>
      ))}
    </ul>
  );
}
