// The rules for support routes (resources/channels.yml), beyond their shape: every entry names the
// official page it was checked against, `see:` references resolve, and entries are checked again
// within MAX_AGE_DAYS. Pure: the loader and the content check pass the parsed file and the day.
import { CHANNEL_KINDS, type ChannelEntryFile, type ChannelKind, type ChannelsFile } from "./schema";
import type { ContentProblem } from "./files";

export { CHANNEL_KINDS, type ChannelKind } from "./schema";

/** An entry once its source is known to have a URL. */
export type ChannelEntry = ChannelEntryFile & { source: NonNullable<ChannelEntryFile["source"]> & { url: string } };
type CountryFile = ChannelsFile["countries"][number];
export type Country = Omit<CountryFile, ChannelKind> & Record<ChannelKind, ChannelEntry[]>;
export type Channels = Omit<ChannelsFile, "countries"> & { countries: Country[] };

/** An entry older than this (in days) is a warning, and fails a release check. */
export const MAX_AGE_DAYS = 180;

/**
 * Resolves `see:` references within each country and refuses entries without a source URL, naming
 * the file and the field. Returns undefined when anything is wrong, so the app never shows a route
 * whose origin nobody can check.
 */
export function normaliseChannels(data: ChannelsFile, file: string, problems: ContentProblem[]): Channels | undefined {
  const before = problems.length;
  const codes = data.countries.map((x) => x.code);
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i) problems.push({ file, field: `countries[${i}].code`, message: `country "${code}" is listed twice` });
  });

  const countries = data.countries.map((country, ci): Country => {
    const byId = new Map<string, ChannelEntry>();
    for (const kind of CHANNEL_KINDS) {
      country[kind].forEach((item, i) => {
        if ("see" in item) return;
        const field = `countries[${ci}].${kind}[${i}]`;
        if (!item.source?.url) {
          problems.push({ file, field: `${field}.source.url`, message: `"${item.name}" has no source URL: add source.url, the https:// address of the official page you checked it against` });
        }
        // Each route says who answers and what happens next, in plain words (issue #21).
        for (const say of ["whoAnswers", "whatHappens"] as const) {
          if (!item[say]) problems.push({ file, field: `${field}.${say}`, message: `"${item.name}" does not say ${say === "whoAnswers" ? "who answers" : "what happens next"}: add ${say} in plain words` });
        }
        if (item.id) {
          if (byId.has(item.id)) problems.push({ file, field: `${field}.id`, message: `the id "${item.id}" is used twice in ${country.code}` });
          byId.set(item.id, item as ChannelEntry);
        }
      });
    }
    const resolved = Object.fromEntries(
      CHANNEL_KINDS.map((kind) => [
        kind,
        country[kind].flatMap((item, i) => {
          if (!("see" in item)) return [item as ChannelEntry];
          const target = byId.get(item.see);
          if (!target) {
            problems.push({ file, field: `countries[${ci}].${kind}[${i}].see`, message: `no entry with id "${item.see}" in ${country.code}` });
            return [];
          }
          return [target];
        }),
      ]),
    ) as Record<ChannelKind, ChannelEntry[]>;
    return { ...country, ...resolved };
  });
  return problems.length > before ? undefined : { ...data, countries };
}

/** Whole days from an ISO date (YYYY-MM-DD) to `today`, both read as UTC days. */
export function ageInDays(isoDate: string, today: Date): number {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.floor((now - then) / 86_400_000);
}

export interface FreshnessResult {
  /** Stale entries when `release` is set: the release check fails on them. */
  problems: ContentProblem[];
  /** Stale entries otherwise: printed, but the everyday check still passes. */
  warnings: ContentProblem[];
}

/**
 * Every entry, and each country's own emergency-number check, last verified more than MAX_AGE_DAYS
 * before `today`. A `see:` reference is the same entry, so it is reported once, where it is defined.
 */
export function checkChannelFreshness(channels: Channels, file: string, today: Date, { release = false } = {}): FreshnessResult {
  const stale: ContentProblem[] = [];
  const message = (what: string, date: string, age: number) =>
    `${what} was last verified on ${date}, ${age} days ago (more than ${MAX_AGE_DAYS}): check it against its official page again and update lastVerified`;
  channels.countries.forEach((country, ci) => {
    const age = ageInDays(country.lastVerified, today);
    if (age > MAX_AGE_DAYS) stale.push({ file, field: `countries[${ci}].lastVerified`, message: message(`${country.code}'s emergency number`, country.lastVerified, age) });
    const seen = new Set<ChannelEntry>();
    for (const kind of CHANNEL_KINDS) {
      country[kind].forEach((entry, i) => {
        if (seen.has(entry)) return;
        seen.add(entry);
        const entryAge = ageInDays(entry.lastVerified, today);
        if (entryAge > MAX_AGE_DAYS) stale.push({ file, field: `countries[${ci}].${kind}[${i}].lastVerified`, message: message(`"${entry.name}"`, entry.lastVerified, entryAge) });
      });
    }
  });
  return release ? { problems: stale, warnings: [] } : { problems: [], warnings: stale };
}

/** Routes by country and kind, as listed (a `see:` reference counts under the kind that lists it). */
export function channelCounts(channels: Channels | undefined): Record<string, Record<ChannelKind, number>> {
  return Object.fromEntries(
    (channels?.countries ?? []).map((c) => [c.code, Object.fromEntries(CHANNEL_KINDS.map((k) => [k, c[k].length])) as Record<ChannelKind, number>]),
  );
}
