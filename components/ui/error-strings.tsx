"use client";
// The words an error page needs, handed down once by the locale layout. Next's error.tsx files are
// client components that receive no props from a server page, so the usual pattern (the page passes
// its strings as props) cannot reach them; a context of five short strings can, without sending
// the whole 50 KB messages file or next-intl's client runtime to every page.
import { createContext, useContext, type ReactNode } from "react";

export interface ErrorStrings {
  title: string;
  body: string;
  retry: string;
  home: string;
  emergency: string;
}

export interface ErrorContext {
  locale: string;
  strings: ErrorStrings;
}

const Context = createContext<ErrorContext | null>(null);

export function ErrorStringsProvider({ locale, strings, children }: ErrorContext & { children?: ReactNode }) {
  return <Context value={{ locale, strings }}>{children}</Context>;
}

export function useErrorStrings(): ErrorContext {
  const value = useContext(Context);
  // Every error.tsx sits under app/[locale]/layout.tsx, which provides this; a missing provider is a
  // wiring mistake, better loud in development than a page with no words.
  if (!value) throw new Error("useErrorStrings needs ErrorStringsProvider (app/[locale]/layout.tsx)");
  return value;
}
