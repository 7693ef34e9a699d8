import { describe, expect, it } from "vitest";
import { getCourse, getTrack, getTracks } from "@/lib/content";
import { learnerPlan } from "./plan";

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
