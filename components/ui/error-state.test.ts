// What a learner sees when a page's data read throws (a report query failing, say): the segment's
// error.tsx, rendered with the real English words, instead of a blank screen. Next renders error.tsx
// in place of the page when the server component throws; these tests render those same files.
import { createElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import messages from "@/content/en/messages.json";
import CohortError from "@/app/[locale]/(facilitate)/facilitate/[cohort]/error";
import CountryHelpError from "@/app/[locale]/help/[country]/error";
import { ErrorStateView } from "./error-state";
import { ErrorStringsProvider, type ErrorStrings } from "./error-strings";

const te = createTranslator({ locale: "en", messages, namespace: "errors" });
const ts = createTranslator({ locale: "en", messages, namespace: "site" });
// The same strings app/[locale]/layout.tsx hands down.
const strings: ErrorStrings = { title: te("title"), body: te("body"), retry: te("retry"), home: te("home"), emergency: ts("emergency") };

type Boundary = (props: { error: unknown; retry: () => void }) => ReactNode;
const render = (Page: Boundary) =>
  renderToStaticMarkup(createElement(ErrorStringsProvider, { locale: "en", strings }, createElement(Page, { error: new Error("report query failed"), retry: () => {} })));
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

/** The first element of a type in a rendered tree (host elements only; enough for the view). */
function find(node: ReactNode, type: string): ReactElement<Record<string, unknown>> | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const hit = find(child, type);
      if (hit) return hit;
    }
    return undefined;
  }
  if (!isValidElement<{ children?: ReactNode }>(node)) return undefined;
  if (node.type === type) return node as ReactElement<Record<string, unknown>>;
  return find(node.props.children, type);
}

describe("a page whose data read throws", () => {
  it("shows the group page's error state: what happened, a retry and a way home", () => {
    const html = render(CohortError);
    expect(html).toContain('<h1 tabindex="-1">This page did not load</h1>');
    expect(text(html)).toContain("Something went wrong on our side while loading this page. Please try again in a moment.");
    expect(html).toContain('<button type="button" class="button">Try again</button>');
    expect(html).toMatch(/<a href="\/en"[^>]*>Go to the home page<\/a>/);
    // The thrown error's own words never reach the page: they may hold details for the log only.
    expect(html).not.toContain("report query failed");
  });

  it("keeps the emergency line on a help page, before anything else", () => {
    const html = render(CountryHelpError);
    const words = text(html);
    expect(words).toContain("In an emergency, call your local emergency number first.");
    expect(words.indexOf("In an emergency")).toBeLessThan(words.indexOf("This page did not load"));
    expect(text(render(CohortError))).not.toContain("In an emergency");
  });

  it("retries the segment when the button is pressed, once per press", () => {
    const retry = vi.fn();
    const button = find(ErrorStateView({ strings, home: "/en", retry }), "button");
    expect(button?.props.children).toBe("Try again");
    (button?.props.onClick as () => void)();
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it("fails loudly when the words were never provided, rather than showing an empty page", () => {
    expect(() => renderToStaticMarkup(createElement(CohortError, { error: new Error("x"), retry: () => {} }))).toThrow(/ErrorStringsProvider/);
  });
});
