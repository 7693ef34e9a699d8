// The lessons of a group's plan, read from the real tracks: a workshop group's columns are the
// workshop's lessons, never the facilitators' own module 6; numbers are the course's own.
import { describe, expect, it } from "vitest";
import { getCourses, getTrack } from "@/lib/content";
import { courseLessons, planLessons } from "./plan";

const course = getCourses("en")[0];
const all = courseLessons("en", course.id);
const leading = course.modules.find((m) => m.id === "leading-a-session")!;

describe("the lessons of a group's plan", () => {
  it("numbers every lesson of the course as the course does", () => {
    expect(all).toHaveLength(course.modules.flatMap((m) => m.lessons).length);
    expect(all[0]).toEqual({ id: course.modules[0].lessons[0].id, title: course.modules[0].lessons[0].title, module: 1, number: "1.1" });
    const m5 = course.modules[4];
    expect(all.find((l) => l.id === m5.lessons[2].id)?.number).toBe("5.3");
  });

  it("a workshop group sees the lessons its parts teach, and none of module 6", () => {
    const workshop = getTrack("en", "workshop")!;
    const taught = workshop.kind === "workshop" ? workshop.parts.flatMap((p) => p.lessons) : [];
    const plan = planLessons("en", course.id, "workshop");
    expect(plan.map((l) => l.id).sort()).toEqual([...new Set(taught)].sort());
    expect(plan.some((l) => l.module === leading.number)).toBe(false);
    // In course order, keeping the course's numbers where the plan leaves a lesson out.
    expect(plan.map((l) => l.id)).toEqual(all.filter((l) => taught.includes(l.id)).map((l) => l.id));
    expect(plan.every((l) => all.find((a) => a.id === l.id)?.number === l.number)).toBe(true);
  });

  it("a self-paced group sees every module its steps name; a class, the lessons its school lessons use", () => {
    expect(planLessons("en", course.id, "self-paced").map((l) => l.id)).toEqual(all.map((l) => l.id));
    const school = getTrack("en", "school")!;
    const used = new Set(school.kind === "school" ? school.lessons.flatMap((l) => l.uses) : []);
    const plan = planLessons("en", course.id, "school");
    expect(plan.map((l) => l.id)).toEqual(all.filter((l) => used.has(l.id)).map((l) => l.id));
    expect(plan.some((l) => l.module === leading.number)).toBe(false);
  });

  it("falls back to the whole course for a track that no longer exists, and to nothing for no course", () => {
    expect(planLessons("en", course.id, "no-such-track")).toEqual(all);
    expect(planLessons("en", "no-such-course", "workshop")).toEqual([]);
  });
});
