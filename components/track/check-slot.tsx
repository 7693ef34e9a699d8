import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { activityUrl } from "@/lib/content/activity-id";
import type { CheckForm, TrackNames } from "./types";

/**
 * A track slot that is the course's starting or final check: a link to the form with its length,
 * so a facilitator or teacher can open it from the plan (and, in a school, what to do for absences).
 */
export async function CheckSlot(props: { locale: string; course: string; form: CheckForm; minutes: number; names: TrackNames; absent?: string }) {
  const { locale, course, form, minutes, names, absent } = props;
  const t = await getTranslations({ locale, namespace: "tracks" });
  const label = t(form === "pre" ? "checkPre" : "checkPost");
  const check = names.assessments[form];
  return (
    <span className="check-slot">
      <span className="check-slot-link">
        <strong>{label}:</strong> <Link href={activityUrl({ kind: "check", course, slot: form }, locale)}>{check?.title ?? label}</Link>
      </span>{" "}
      <span className="meta">{check ? t("checkLength", { questions: check.questions, minutes }) : t("partMinutes", { minutes })}</span>
      {absent && (
        <span className="check-slot-absent">
          <strong>{t("checkAbsent")}</strong> {absent}
        </span>
      )}
    </span>
  );
}
