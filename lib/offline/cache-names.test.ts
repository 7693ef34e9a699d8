import { describe, expect, test } from "vitest";
import { assetsCache, courseCache, coursesToRenew, otherBuildsCaches, pagesCache, parseCourseCache, precacheName } from "./cache-names";

describe("cache names", () => {
  test("a saved course's cache names its build, locale and course", () => {
    const name = courseCache("a1B_2-c", "pt-BR", "recognise-and-respond");
    expect(parseCourseCache(name)).toEqual({ build: "a1B_2-c", locale: "pt-BR", course: "recognise-and-respond" });
    expect(parseCourseCache(pagesCache("b1"))).toBeUndefined();
    expect(parseCourseCache("someone-else")).toBeUndefined();
  });

  test("only this app's caches of other builds are deleted", () => {
    const names = [
      precacheName("old"),
      pagesCache("old"),
      courseCache("old", "en", "c"),
      precacheName("new"),
      assetsCache("new"),
      courseCache("new", "en", "c"),
      "another-app-cache",
      "serwist-precache-v2-https://x/",
    ];
    expect(otherBuildsCaches(names, "new")).toEqual(names.slice(0, 3));
    // A build id that starts like another's is still another build.
    expect(otherBuildsCaches([pagesCache("new2")], "new")).toEqual([pagesCache("new2")]);
  });

  test("courses saved under older builds are renewed once, unless already saved for this one", () => {
    const names = [courseCache("b1", "en", "c"), courseCache("b2", "en", "c"), courseCache("b1", "fr", "c"), courseCache("b3", "ar", "c"), courseCache("b3", "es", "d")];
    expect(coursesToRenew(names, "b3")).toEqual([
      { locale: "en", course: "c" },
      { locale: "fr", course: "c" },
    ]);
  });
});
