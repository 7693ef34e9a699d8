"use client";
// Opening a country's help page is choosing it: the header's "In an emergency" leads here from
// now on (components/help/country-memory.ts). Renders nothing.
import { useEffect } from "react";
import { rememberHelpCountry } from "./country-memory";

export function RememberCountry({ code }: { code: string }) {
  useEffect(() => rememberHelpCountry(code), [code]);
  return null;
}
