import { describe, expect, it } from "vitest";
import { allLessonParams, getLesson } from "@/lib/content";
import { markdownToHtml, safeUrl } from "./markdown-html";

const labels = { fictional: "Fictional scenario", table: "Table: scrolls sideways" };
const html = (md: string) => markdownToHtml(md, labels);

describe("markdownToHtml", () => {
  it("renders headings, lists and emphasis as HTML", () => {
    expect(html("## Signs\n\n- **Talk** about *behaviour*\n- never identity")).toBe(
      "<h2>Signs</h2>\n<ul>\n<li><strong>Talk</strong> about <em>behaviour</em></li>\n<li>never identity</li>\n</ul>",
    );
  });

  it("turns a :::scenario block into an aside labelled as fictional, with the label shown", () => {
    const out = html(":::scenario\nA neighbour, Sam, says something worrying.\n:::");
    expect(out).toBe('<aside class="scenario" aria-label="Fictional scenario"><p class="scenario-label">Fictional scenario</p><p>A neighbour, Sam, says something worrying.</p></aside>');
  });

  it("wraps a table in a labelled, focusable scroll box, without whitespace between rows", () => {
    const out = html("| Kind | Who decided |\n|---|---|\n| Directed | the group |");
    expect(out).toBe(
      '<div class="table-scroll" role="region" aria-label="Table: scrolls sideways" tabindex="0"><table><thead><tr><th>Kind</th><th>Who decided</th></tr></thead><tbody><tr><td>Directed</td><td>the group</td></tr></tbody></table></div>',
    );
  });

  it("shows raw HTML as text instead of parsing it", () => {
    const out = html('Hello <script>alert(1)</script> <img src=x onerror="alert(1)">');
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain("&#x3C;script>alert(1)&#x3C;/script>");
  });

  it("empties unsafe link schemes, drops unsafe image sources, and marks external links", () => {
    const out = html("[a](javascript:alert(1)) [b](/en/help) [c](https://example.org) [d](mailto:x@example.org) ![e](data:image/png;base64,AAAA)");
    expect(out).toContain('<a href="">a</a>');
    expect(out).toContain('<a href="/en/help">b</a>');
    expect(out).toContain('<a href="https://example.org" rel="noopener noreferrer">c</a>');
    expect(out).toContain('<a href="mailto:x@example.org">d</a>');
    expect(out).toContain('<img alt="e">');
  });

  it("keeps clock times such as 0:05 (the directive parser would eat them)", () => {
    expect(html("Start at 0:05, break at 1:30.")).toBe("<p>Start at 0:05, break at 1:30.</p>");
  });

  it("writes characters above U+00FF as references, in text and in attributes, and keeps Latin-1 as it is", () => {
    const out = html("Wait \u2014 it\u2019s a caf\u00e9 \u2192 [next \u{1F600}](/en/help \"t\u2013t\")");
    expect(out).toBe('<p>Wait &#x2014; it&#x2019;s a caf\u00e9 &#x2192; <a href="/en/help" title="t&#x2013;t">next &#x1f600;</a></p>');
    expect([...out].every((c) => c.codePointAt(0)! <= 0xff)).toBe(true);
  });

  it("renders every lesson of the course without raw HTML, scripts or unlabelled scenarios", () => {
    const lessons = allLessonParams().map((p) => getLesson(p.locale, p.course, p.lesson)!);
    expect(lessons.length).toBeGreaterThan(10);
    for (const l of lessons) {
      const out = html(l.body);
      expect(out, l.id).not.toMatch(/<(script|iframe|style|object)\b/i);
      expect(out.match(/<aside class="scenario"/g)?.length ?? 0, l.id).toBe(out.match(/<p class="scenario-label">Fictional scenario<\/p>/g)?.length ?? 0);
      expect(out.match(/<table>/g)?.length ?? 0, l.id).toBe(out.match(/<div class="table-scroll" role="region"/g)?.length ?? 0);
    }
  }, 30_000); // 80 lessons in four locales (20 with en only): over 5 s when the whole suite loads the machine
});

describe("safeUrl", () => {
  it.each([
    ["/relative", "/relative"],
    ["#anchor", "#anchor"],
    ["https://a.example", "https://a.example"],
    ["HTTP://A.EXAMPLE", "HTTP://A.EXAMPLE"],
    ["page?x=a:b", "page?x=a:b"],
    ["javascript:alert(1)", ""],
    ["JaVaScRiPt:alert(1)", ""],
    ["vbscript:x", ""],
    ["data:text/html,x", ""],
  ])("%s -> %j", (input, expected) => expect(safeUrl(input)).toBe(expected));
});
