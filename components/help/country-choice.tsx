"use client";
// The help index's shortcut: the country chosen last time, or else one proposed from the
// browser's language region ("en-GB" -> the United Kingdom). Nothing is shown before the browser
// has said, so the static page is the same for everyone.
import { useSyncExternalStore } from "react";
import Link from "@/components/ui/link";
import { proposeHelpCountry, readHelpCountry, subscribeHelpCountry } from "./country-memory";

export interface CountryChoiceLabels {
  /** "Last time you chose:" */
  remembered: string;
  /** "Your browser's language settings suggest:" */
  proposed: string;
}

const noSubscription = () => () => {};
const browserLanguages = () => (navigator.languages?.length ? navigator.languages : [navigator.language]).join(",");

/** `countries`: each page's code (lower case) with its link text ("United Kingdom: where to get help"). */
export function CountryChoice({ locale, countries, labels }: { locale: string; countries: { code: string; title: string }[]; labels: CountryChoiceLabels }) {
  const chosen = useSyncExternalStore(subscribeHelpCountry, readHelpCountry, () => null);
  const languages = useSyncExternalStore(noSubscription, browserLanguages, () => "");
  const codes = countries.map((c) => c.code);
  const remembered = chosen && codes.includes(chosen) ? chosen : null;
  const code = remembered ?? (languages ? proposeHelpCountry(languages.split(","), codes) : null);
  const country = countries.find((c) => c.code === code);
  if (!country) return null;
  return (
    <p className="country-choice">
      {remembered ? labels.remembered : labels.proposed}{" "}
      <Link className="button" href={`/${locale}/help/${country.code}`}>
        {country.title}
      </Link>
    </p>
  );
}
