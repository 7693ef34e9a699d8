// A group's plan read from the real tracks: as its learners follow it, and as its reports show it
// (a workshop group's columns are the workshop's lessons, never the facilitators' own module 6).
import { describe, expect, it } from "vitest";
import { getCourse, getCourses, getTrack, getTracks } from "@/lib/content";
import { courseLessons, learnerPlan, planLessons } from "./plan";

const workshop = getTrack("en", "workshop")!;
const course = getCourse("en", workshop.course)!;
const allLessons = course.modules.flatMap((m) => m.lessons.map((l) => l.id));

describe("a group's plan, as its learners follow it", () => {
  it("every track of the course opens with the starting check and names lessons of the course, each once", () => {
    for (const track of getTracks("en")) {
      const plan = learnerPlan(track, getCourse("en", track.course));
      expect(plan.hasPre, track.id).toBe(true);
      expect(plan.lessons.length, track.id).toBeGreaterThan(0);
      const ids = plan.lessons.map((l) => l.id);
      expect(new Set(ids).size, track.id).toBe(ids.length);
      expect(ids.every((id) => allLessons.includes(id)), track.id).toBe(true);
    }
  });

  it("follows the workshop's parts in order, modules standing for their lessons", () => {
    const expected = workshop.kind === "workshop" ? workshop.parts.flatMap((p) => (p.lessons.length ? p.lessons : p.module ? course.modules.find((m) => m.id === p.module)!.lessons.map((l) => l.id) : [])) : [];
    expect(learnerPlan(workshop, course).lessons.map((l) => l.id)).toEqual([...new Set(expected)]);
  });

  it("asks nothing without a track, or with a track of another course", () => {
    expect(learnerPlan(undefined, course)).toEqual({ hasPre: false, lessons: [] });
    expect(learnerPlan({ ...workshop, course: "another-course" }, course)).toEqual({ hasPre: false, lessons: [] });
  });
});

const firstCourse = getCourses("en")[0];
const all = courseLessons("en", firstCourse.id);
const leading = firstCourse.modules.find((m) => m.id === "leading-a-session")!;

describe("the lessons of a group's plan", () => {
  it("numbers every lesson of the course as the course does", () => {
    expect(all).toHaveLength(firstCourse.modules.flatMap((m) => m.lessons).length);
    expect(all[0]).toEqual({ id: firstCourse.modules[0].lessons[0].id, title: firstCourse.modules[0].lessons[0].title, module: 1, number: "1.1" });
    const m5 = firstCourse.modules[4];
    expect(all.find((l) => l.id === m5.lessons[2].id)?.number).toBe("5.3");
  });

  it("a workshop group sees the lessons its parts teach, and none of module 6", () => {
    const workshop = getTrack("en", "workshop")!;
    const taught = workshop.kind === "workshop" ? workshop.parts.flatMap((p) => p.lessons) : [];
    const plan = planLessons("en", firstCourse.id, "workshop");
    expect(plan.map((l) => l.id).sort()).toEqual([...new Set(taught)].sort());
    expect(plan.some((l) => l.module === leading.number)).toBe(false);
    // In course order, keeping the course's numbers where the plan leaves a lesson out.
    expect(plan.map((l) => l.id)).toEqual(all.filter((l) => taught.includes(l.id)).map((l) => l.id));
    expect(plan.every((l) => all.find((a) => a.id === l.id)?.number === l.number)).toBe(true);
  });

  it("a self-paced group sees every module its steps name; a class, the lessons its school lessons use", () => {
    expect(planLessons("en", firstCourse.id, "self-paced").map((l) => l.id)).toEqual(all.map((l) => l.id));
    const school = getTrack("en", "school")!;
    const used = new Set(school.kind === "school" ? school.lessons.flatMap((l) => l.uses) : []);
    const plan = planLessons("en", firstCourse.id, "school");
    expect(plan.map((l) => l.id)).toEqual(all.filter((l) => used.has(l.id)).map((l) => l.id));
    expect(plan.some((l) => l.module === leading.number)).toBe(false);
  });

  it("falls back to the whole course for a track that no longer exists, and to nothing for no course", () => {
    expect(planLessons("en", firstCourse.id, "no-such-track")).toEqual(all);
    expect(planLessons("en", "no-such-course", "workshop")).toEqual([]);
  });
});
