"use client";
// The language of a quiz's own text when it is not the page's: an Arabic page showing a quiz not
// translated yet (English, lib/content/versions.ts). The prompt, stories, options, feedback and
// explanations carry lang (and dir, so "?" and "." sit at the end of an English sentence on a
// right-to-left page); the runner's buttons, hints and verdicts stay in the page's language.
import { createContext, useContext, type ReactNode } from "react";

export interface ContentLang {
  lang?: string;
  dir?: "ltr" | "rtl";
}

const Context = createContext<ContentLang>({});

export function ContentLangProvider({ lang, dir, children }: ContentLang & { children: ReactNode }) {
  return <Context value={{ lang, dir }}>{children}</Context>;
}

/** Attributes for an element holding the quiz's own text: none when it is in the page's language. */
export function useContentLang(): ContentLang {
  return useContext(Context);
}
