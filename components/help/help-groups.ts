// The help page groups a country's routes by the worry a person arrives with, not by the kind of
// service: "you are worried about yourself" gathers crisis lines and exit programmes. Pure, so the
// grouping is unit-tested; the page only renders what this returns.
import type { Contact, Country } from "./contact";

export const HELP_GROUPS = ["danger", "online", "someone", "yourself", "hate", "child"] as const;
export type HelpGroupId = (typeof HELP_GROUPS)[number];

export interface HelpGroup {
  id: HelpGroupId;
  entries: Contact[];
  /** Local advice in plain words (a school's safeguarding lead), shown before the entries. */
  advice?: string;
}

/** Groups every country shows, even empty (with a "none listed" line); others only when they have routes. */
const ALWAYS: ReadonlySet<HelpGroupId> = new Set(["danger", "online", "someone", "yourself"]);

/** Unique by identity: an entry listed under two kinds is one route. */
const unique = (entries: Contact[]) => [...new Set(entries)];

export function helpGroups(country: Country): HelpGroup[] {
  const yourself = country.self.length > 0 ? country.self : unique([...country.crisis, ...country.exit]);
  const groups: HelpGroup[] = [
    // The emergency numbers themselves are the country's; this group carries no entries.
    { id: "danger", entries: [] },
    { id: "online", entries: country.report, advice: country.advice.report },
    { id: "someone", entries: country.worried, advice: country.advice.worried },
    { id: "yourself", entries: yourself, advice: country.advice.self ?? country.advice.crisis },
    { id: "hate", entries: country.hate, advice: country.advice.hate },
    { id: "child", entries: country.child, advice: country.advice.child },
  ];
  return groups.filter((g) => ALWAYS.has(g.id) || g.entries.length > 0 || g.advice);
}
