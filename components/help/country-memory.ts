// "In an emergency" remembers the country a learner chose, so the number is one tap away the
// second time: kept in this browser only (localStorage), read by the header's emergency link and
// the help index, written by a country's help page. The help pages stay static: all of this
// runs in the browser. The choice is a setting of the device, like its language, not a record
// of the person: it stays after signing out, so whoever uses the device next finds it too.

const KEY = "cg-help-country";
/** Same-tab writes: the "storage" event only reaches other tabs. */
const CHANGED = "cg-help-country-changed";

/** The EU's member states (2026): their region codes lead to the EU page when no national one exists. */
const EU_MEMBERS = new Set(
  ["at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu", "ie", "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se"],
);

/** The remembered country code (lower case), or null; null too when storage is blocked. */
export function readHelpCountry(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberHelpCountry(code: string): void {
  try {
    if (window.localStorage.getItem(KEY) === code.toLowerCase()) return;
    window.localStorage.setItem(KEY, code.toLowerCase());
  } catch {
    return; // storage blocked: the header keeps leading to the list of countries
  }
  window.dispatchEvent(new Event(CHANGED));
}

export function subscribeHelpCountry(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** The region of a language tag ("en-GB" -> "gb"), or null ("en", "es-419", a malformed tag). */
function regionOf(tag: string): string | null {
  try {
    const region = new Intl.Locale(tag).region;
    return region && /^[A-Z]{2}$/.test(region) ? region.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * A country to propose from the browser's languages (navigator.languages, most preferred first):
 * the first whose region has a help page, or the EU page for a member state without its own.
 * Only a region the browser states: "en" alone proposes nothing rather than guess "us".
 */
export function proposeHelpCountry(languages: readonly string[], pages: readonly string[]): string | null {
  const have = new Set(pages.map((p) => p.toLowerCase()));
  for (const tag of languages) {
    const region = regionOf(tag);
    if (!region) continue;
    if (have.has(region)) return region;
    if (EU_MEMBERS.has(region) && have.has("eu")) return "eu";
  }
  return null;
}
