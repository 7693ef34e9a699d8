// Helpers for reporting channels as the data holds them: web addresses without a scheme and
// phone numbers written for people (spaces, hyphens). Pure, so they are unit-tested.
import type { Channels } from "@/lib/content";

export type Country = Channels["countries"][number];
/** One route: a line, a form or a service, with its own source and the day it was checked. */
export type Contact = Country["report"][number];

const KEYPAD: Record<string, string> = Object.fromEntries(
  ["abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"].flatMap((letters, i) => [...letters].map((l) => [l, String(i + 2)])),
);

/**
 * `tel:` link for a number as written: keeps digits and a leading +, drops spaces and hyphens.
 * A vanity number with its digits in brackets ("1-800-CALL-FBI (1-800-225-5324)") dials the
 * digits; a vanity number alone dials its letters as the keypad spells them.
 */
export function telHref(phone: string): string {
  const parts = phone.split(/[()]/).map((p) => p.trim()).filter(Boolean);
  const number = parts.find((p) => !/[a-z]/i.test(p)) ?? parts[0] ?? "";
  const digits = number.toLowerCase().replace(/[a-z]/g, (l) => KEYPAD[l]).replace(/[^0-9]/g, "");
  return `tel:${number.startsWith("+") ? "+" : ""}${digits}`;
}

/** Data holds addresses like "gov.uk/ACT"; links always go over https. */
export function webHref(url: string): string {
  return `https://${url.replace(/^https?:\/\//i, "")}`;
}

/** The country for a route segment ("gb"), matching the code case-insensitively. */
export function findCountry(channels: Channels | undefined, code: string): Country | undefined {
  return channels?.countries.find((c) => c.code.toLowerCase() === code.toLowerCase());
}
