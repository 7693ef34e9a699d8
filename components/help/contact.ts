// Helpers for reporting channels as the data holds them: web addresses without a scheme and
// phone numbers written for people (spaces, hyphens). Pure, so they are unit-tested.
import type { Channels } from "@/lib/content";

export type Country = Channels["countries"][number];
export type Contact = Country["report"][number];

/** `tel:` link for a number as written: keeps digits and a leading +, drops spaces and hyphens. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith("+") ? "+" : ""}${trimmed.replace(/[^0-9]/g, "")}`;
}

/** Data holds addresses like "gov.uk/ACT"; links always go over https. */
export function webHref(url: string): string {
  return `https://${url.replace(/^https?:\/\//i, "")}`;
}

/** The country for a route segment ("gb"), matching the code case-insensitively. */
export function findCountry(channels: Channels | undefined, code: string): Country | undefined {
  return channels?.countries.find((c) => c.code.toLowerCase() === code.toLowerCase());
}
