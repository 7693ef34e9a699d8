// What a guest did in a browser, merged into their account on both engines: once, whatever is sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount } from "@/lib/auth/accounts";
import { getCourses } from "@/lib/content";
import { testEngines } from "@/lib/testing/db";
import { completeLesson } from "./completions";
import { mergeGuestProgress } from "./guest-merge";
import { getDashboard } from "./queries";

process.env.LOG_SILENT = "1";

const course = getCourses("en")[0];
const lessonRef = course.modules[0].lessons[0];
const ref = { locale: "en", courseId: course.id, lessonId: lessonRef.id };
const PASSWORD = "river lamp orchard";

async function countRows(handle: Db, table: "quiz_attempts" | "lesson_completions", userId: string) {
  const r = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", userId).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(testEngines())("guest merge on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
  });
  afterAll(async () => cleanup());

  it("merges guest progress without duplicates, however often it is sent", async () => {
    const carol = await createAccount(handle, { email: `carol-${engine.name}@example.org`, displayName: "Carol", password: PASSWORD });
    const key = `en/${course.id}/${lessonRef.id}`;
    const second = `en/${course.id}/${course.modules[0].lessons[1].id}`;
    const guest = { lessons: { [key]: { doneAt: "2026-11-01T10:00:00.000Z", bestPercent: 80, attempts: 2 }, [second]: { doneAt: "2026-11-02T10:00:00.000Z" }, "en/nope/nope": { doneAt: "2026-11-02T10:00:00.000Z" } } };
    expect(await mergeGuestProgress(handle, carol, guest)).toEqual({ lessons: 2, scores: 1, skipped: 1 });
    expect(await mergeGuestProgress(handle, carol, guest)).toEqual({ lessons: 0, scores: 0, skipped: 1 });
    await completeLesson(handle, carol, ref);
    expect(await countRows(handle, "lesson_completions", carol.id)).toBe(2);
    expect(await countRows(handle, "quiz_attempts", carol.id)).toBe(1);
    // A guest's score says nothing of which version they took: unknown, so no report counts it as current.
    expect(await handle.db.selectFrom("quiz_attempts").select("content_version").where("user_id", "=", carol.id).execute()).toEqual([{ content_version: null }]);
    const view = await getDashboard(handle, carol, "en");
    expect(view.courses[0].modules[0].lessons[0]).toMatchObject({ bestPercent: 80, completedAt: "2026-11-01T10:00:00.000Z" });
  });
});
