import { describe, expect, test } from "vitest";
import { allCourseParams, getChannels, getCourse } from "@/lib/content";
import { isPersonalPath } from "./cache-policy";
import { offlineManifest } from "./course-pages";

describe("the pages saved with a course", () => {
  const params = allCourseParams();

  test("every served course in every language has a list", () => {
    expect(params.length).toBeGreaterThan(0);
    for (const { locale, course } of params) expect(offlineManifest(locale, course), `${locale}/${course}`).toBeDefined();
    expect(offlineManifest("en", "no-such-course")).toBeUndefined();
  });

  test.each(params)("$locale/$course: the course page, every lesson with its quiz and activity, in its language, nothing personal", ({ locale, course }) => {
    const manifest = offlineManifest(locale, course)!;
    const lessons = getCourse(locale, course)!.modules.flatMap((m) => m.lessons);
    const hrefs = manifest.pages.map((p) => p.href);
    expect(hrefs[0]).toBe(`/${locale}/courses/${course}`);
    for (const lesson of lessons) expect(hrefs).toContain(`/${locale}/courses/${course}/${lesson.id}`);
    expect(hrefs.filter((h) => h.endsWith("/quiz")).length).toBeGreaterThan(0);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    const all = [...hrefs, ...manifest.help.map((h) => h.href)];
    expect(all.filter((h) => !h.startsWith(`/${locale}/`) || isPersonalPath(h))).toEqual([]);
    expect(manifest.help.map((h) => h.code)).toEqual((getChannels(locale)?.countries ?? []).map((c) => c.code.toLowerCase()));
  });
});
