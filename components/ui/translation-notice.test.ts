import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { describe, expect, it, vi } from "vitest";
import messages from "@/content/en/messages.json";
import { blockLang, TranslationNotice } from "./translation-notice";

// The English words, looked up as next-intl would (translation.missing.lesson and so on).
vi.mock("next-intl/server", () => ({
  getTranslations: async ({ namespace }: { namespace: string }) => (key: string) =>
    `${namespace}.${key}`.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages),
}));

async function html(props: Parameters<typeof TranslationNotice>[0]): Promise<string> {
  const element = (await TranslationNotice(props)) as ReactElement | null;
  return element ? renderToStaticMarkup(element) : "";
}

const href = "/fr/courses/c/one";

describe("TranslationNotice", () => {
  it("says an untranslated lesson is shown in English", async () => {
    expect(await html({ locale: "fr", version: { locale: "en", status: "fallback" }, kind: "lesson", href })).toBe(
      `<p class="translation-notice" lang="fr">This lesson isn&#x27;t translated yet; here it is in English.</p>`,
    );
  });

  it("marks a draft and links the English original, the same page under /en", async () => {
    const out = await html({ locale: "fr", version: { locale: "fr", status: "draft" }, kind: "quiz", href: `${href}/quiz` });
    expect(out).toContain("Translation awaiting review.");
    expect(out).toMatch(/<a[^>]*href="\/en\/courses\/c\/one\/quiz"[^>]*>Read the English original<\/a>/);
    expect(out).toMatch(/hrefLang="en"|hreflang="en"/i);
  });

  it("shows nothing for English or a reviewed translation", async () => {
    expect(await html({ locale: "en", version: { locale: "en", status: "source" }, kind: "lesson", href })).toBe("");
    expect(await html({ locale: "fr", version: { locale: "fr", status: "reviewed" }, kind: "lesson", href })).toBe("");
  });

  it("sets lang on a block only when its text is not in the page's language", () => {
    expect(blockLang("fr", { locale: "en", status: "fallback" })).toBe("en");
    expect(blockLang("fr", { locale: "fr", status: "draft" })).toBeUndefined();
  });
});
