// Text as HTML that holds only ASCII: the five special characters and everything above U+007F as
// numeric character references. The browser shows the same text, but a prerendered page that
// carries it stays a one-byte string, which Next.js measures and writes about ten times faster
// per request (e2e/static.spec.ts, bench/README.md). For short words of the app's own (the
// language switcher's names on every page), not for user text or whole documents.
export function asciiHtml(text: string): string {
  return text.replace(/[&<>"']|[^\u0000-\u007f]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16)};`);
}
