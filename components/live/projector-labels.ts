// The projector's words for a locale, as plain strings for the client island (no message
// runtime in the browser). Read on the server; the island imports only the type.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { Outcome } from "@/lib/scenario/graph";

/** Every key of the "liveProjector" messages (the English file is the list of keys). */
export type ProjectorStrings = Record<keyof (typeof import("@/content/en/messages.json"))["liveProjector"], string>;

export interface ProjectorLabels {
  text: ProjectorStrings;
  /** The course's own names of manipulation techniques (the materials' wording). */
  techniqueNames: Record<string, string>;
  /** A scenario ending's kind, as the self-paced scenario words it. */
  outcomes: Record<Outcome, string>;
}

export async function projectorLabels(locale: string): Promise<ProjectorLabels> {
  const [t, tm, ts] = await Promise.all([
    getTranslations({ locale }),
    getTranslations({ locale, namespace: "materials" }),
    getTranslations({ locale, namespace: "scenario" }),
  ]);
  const text = t.raw("liveProjector") as ProjectorStrings;
  return {
    text,
    techniqueNames: tm.raw("technique") as Record<string, string>,
    outcomes: { helpful: ts("outcome_helpful"), mixed: ts("outcome_mixed"), harmful: ts("outcome_harmful") },
  };
}
