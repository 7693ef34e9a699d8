"use client";
// The header's "In an emergency": the help index the first time, the chosen country's page once
// one was chosen (components/help/country-memory.ts). The server renders the index link, so the
// page stays static and the link works before (and without) JavaScript.
import { useSyncExternalStore } from "react";
import Link from "@/components/ui/link";
import { readHelpCountry, subscribeHelpCountry } from "./country-memory";

export function EmergencyLink({ locale, pages, label }: { locale: string; pages: string[]; label: string }) {
  const chosen = useSyncExternalStore(subscribeHelpCountry, readHelpCountry, () => null);
  const country = chosen && pages.includes(chosen) ? chosen : null;
  return <Link href={country ? `/${locale}/help/${country}` : `/${locale}/help`}>{label}</Link>;
}
