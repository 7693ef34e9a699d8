import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { plainRun } from "@/lib/testing/key-leaks";
import { buildPackage, loadAll, zipPackage } from "./build";
import { attributeValues, xmlProblems } from "./xml-check";

const en = loadAll().find((c) => c.locale === "en")!;
const course = en.courses[0];
const lessonIds = course.modules[0].lessons.slice(0, 2).map((l) => l.id);

describe.each(["1.2", "2004"] as const)("a SCORM %s package", (version) => {
  const pkg = buildPackage({ locale: "en", courseId: course.id, version, lessons: lessonIds });
  const files = unzipSync(zipPackage(pkg));
  const manifest = strFromU8(files["imsmanifest.xml"]);
  const html = strFromU8(files["index.html"]);

  it("has a well-formed manifest whose every listed file is in the zip, and no file it does not list", () => {
    expect(xmlProblems(manifest)).toEqual([]);
    const listed = attributeValues(manifest, "file", "href");
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(Object.keys(files).filter((f) => f !== "imsmanifest.xml").sort());
    expect(files[attributeValues(manifest, "resource", "href")[0]]).toBeDefined();
  });

  it("holds the chosen lessons and their quizzes, and nothing of the checks or boosters", () => {
    const data = JSON.parse(/<script type="application\/json" id="package-data">([\s\S]*?)<\/script>/.exec(html)![1]) as { lessons: { id: string }[]; quizzes: Record<string, unknown> };
    expect(data.lessons.map((l) => l.id)).toEqual(lessonIds);
    expect(Object.keys(data.quizzes)).toHaveLength(2);
    const secret = [...en.forms.values()].flatMap((f) => [f.a, f.b]).filter((q) => q !== undefined).concat([...en.boosters.values()]);
    expect(secret.length).toBeGreaterThan(0);
    const text = Object.values(files).map((f) => strFromU8(f, true)).join("\n");
    for (const quiz of secret) {
      for (const q of quiz.questions) {
        for (const s of [q.explanation, ...q.options.map((o) => o.feedback)]) {
          const run = plainRun(s);
          if (run.length >= 24) expect(text, `${quiz.id}/${q.id}`).not.toContain(run);
        }
      }
    }
  });

  it("loads nothing from the network", () => {
    expect(html).toContain("connect-src 'none'");
    for (const m of html.matchAll(/<(?:script|link|img)\b[^>]*\s(?:src|href)="([^"]*)"/g)) expect(m[1]).not.toMatch(/^(https?:)?\/\//);
    expect(strFromU8(files["style.css"])).not.toMatch(/url\(["']?(https?:)?\/\//);
    // External links in the lessons open a window of their own, never inside the LMS's frame.
    for (const m of html.matchAll(/<a\b[^>]*href="https?:[^>]*>/g)) expect(m[0]).toContain('target="_blank"');
  });

  it("is the same zip when built twice (LMSs and reviewers can compare packages)", () => {
    expect(zipPackage(buildPackage({ locale: "en", courseId: course.id, version, lessons: lessonIds }))).toEqual(zipPackage(pkg));
  }, 30_000);
});

describe("Arabic", () => {
  it("is right to left, with the Arabic font inside the package", () => {
    const files = buildPackage({ locale: "ar", courseId: course.id, version: "1.2", lessons: lessonIds.slice(0, 1) }).files;
    expect(strFromU8(files["index.html"])).toMatch(/<html lang="ar" dir="rtl">/);
    expect(files["fonts/noto-naskh-arabic-400.woff2"].length).toBeGreaterThan(10_000);
  });
});
