// Lessons marked done and un-marked, on both engines: one row however often, only the learner's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { getCourses } from "@/lib/content";
import { testEngines } from "@/lib/testing/db";
import { completeLesson, uncompleteLesson } from "./completions";

process.env.LOG_SILENT = "1";

const course = getCourses("en")[0];
const ref = { locale: "en", courseId: course.id, lessonId: course.modules[0].lessons[0].id };
const PASSWORD = "river lamp orchard";

describe.each(testEngines())("lesson completions on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let ann: SessionUser;
  let ben: SessionUser;
  const completions = async (user: SessionUser) =>
    handle.db.selectFrom("lesson_completions").select(["lesson_id", "completed_at"]).where("user_id", "=", user.id).execute();

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    ann = await createAccount(handle, { email: `ann-${engine.name}@example.org`, displayName: "Ann", password: PASSWORD });
    ben = await createAccount(handle, { email: `ben-${engine.name}@example.org`, displayName: "Ben", password: PASSWORD });
  });
  afterAll(async () => cleanup());

  it("refuses an unknown lesson", async () => {
    await expect(completeLesson(handle, ann, { ...ref, lessonId: "no-such-lesson" })).rejects.toMatchObject({ code: "not_found" });
    expect(await completions(ann)).toEqual([]);
  });

  it("marks a lesson done once, keeping the first time, however often it is sent", async () => {
    const first = await completeLesson(handle, ann, ref);
    const again = await completeLesson(handle, ann, ref);
    expect(again).toEqual(first);
    expect(await completions(ann)).toEqual([{ lesson_id: ref.lessonId, completed_at: first.completedAt }]);
  });

  it("un-marks only the learner's own lesson", async () => {
    await completeLesson(handle, ben, ref);
    await uncompleteLesson(handle, ann, ref);
    expect(await completions(ann)).toEqual([]);
    expect(await completions(ben)).toHaveLength(1);
  });
});
