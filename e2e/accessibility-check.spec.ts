// The accessibility check every spec relies on (e2e/fixtures.ts) must fail when a page is not
// accessible: on a serious violation, in the dark theme only, and on a document loaded after an
// earlier check (axe is injected once per document, so a new document must get it again).
import { expect, expectAccessible, expectAccessibleInBothThemes, test } from "./fixtures";

test.skip(({ isMobile }) => isMobile, "checks the check itself, which does not depend on the device; run once, in the projector project");

const doc = (body: string, style = "") =>
  `<!doctype html><html lang="en"><head><title>Check</title><style>${style}</style></head><body><main><h1>Check</h1>${body}</main></body></html>`;

test("the axe check passes a clean page and fails on a serious violation", async ({ page }) => {
  await page.setContent(doc("<p>Plain text.</p>"));
  await expectAccessible(page, "a clean page");
  // A new document, after a check on the previous one: an image without a text alternative.
  await page.setContent(doc('<img src="/icon.svg" width="10" height="10">'));
  await expect(expectAccessible(page, "an image without alt")).rejects.toThrow(/critical image-alt/);
});

test("the two-theme check fails on a contrast problem only the dark theme has", async ({ page }) => {
  const darkOnly = "@media (prefers-color-scheme: dark) { body { background: #111; color: #333; } }";
  await page.setContent(doc("<p>Readable in light, not in dark.</p>", darkOnly));
  await page.emulateMedia({ colorScheme: "light" });
  await expectAccessible(page, "light");
  await expect(expectAccessibleInBothThemes(page, "dark-only contrast")).rejects.toThrow(/axe on dark-only contrast \(dark\)[\s\S]*serious color-contrast/);
});
