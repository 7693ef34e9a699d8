// A group's reports by locale (issue #25), on both engines: the item analysis shows each question
// per locale when more than one answered and flags the one that stands apart; the item analysis,
// the grid and the learning figures filter by locale in SQL.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser } from "@/lib/auth/accounts";
import { finishAttempt, recordAnswer } from "@/lib/progress/answers";
import { testEngines } from "@/lib/testing/db";
import { addContentCopy } from "@/lib/testing/second-locale";
import { course, lessonRef, PASSWORD, quiz } from "@/lib/testing/progress-fixture";
import { LOCALE_MIN_ANSWERS } from "./locale-outliers";
import { createCohort, joinCohort } from "./mutations";
import { itemAnalysis, learningGain, rosterGrid } from "./reports";

process.env.LOG_SILENT = "1";

vi.mock("@/content/locales.json", () => ({
  default: { defaultLocale: "en", locales: [{ code: "en", name: "English", dir: "ltr" }, { code: "fr", name: "Français", dir: "ltr" }] },
}));
addContentCopy("fr");

const single = quiz.questions.find((q) => q.type === "single" && !quiz.biasPairs?.some((p) => p.versions.includes(q.id)))!;
const wrong = single.options.find((o) => !single.correct.includes(o.id))!.id;
const answerIn = (locale: string, attemptId: string, chosen: string[]) => ({ id: crypto.randomUUID(), attemptId, locale, courseId: course.id, lessonId: lessonRef.id, questionId: single.id, chosen });

describe.each(testEngines())("a group's reports by locale on $name", (engine) => {
  let handle: Db;
  let cleanup: () => Promise<void>;
  let lead: SessionUser;
  let cohortId: string;
  const n = LOCALE_MIN_ANSWERS;

  // n learners answer in English, all right; n in French, all wrong (a question that reads wrongly
  // in French). The French finish their attempts (read from the answer summary), the English
  // leave theirs open (read from the answers): both paths count per locale.
  beforeAll(async () => {
    ({ handle, cleanup } = await engine.open());
    lead = await createAccount(handle, { email: `r-lead-${engine.name}@example.org`, displayName: "Lead", password: PASSWORD, role: "facilitator" });
    const group = await createCohort(handle, lead, { name: "Both", kind: "workshop", locale: "en", trackId: "workshop", coFacilitatorEmails: [] });
    cohortId = group.id;
    for (let i = 0; i < 2 * n; i++) {
      const locale = i < n ? "en" : "fr";
      const learner = await createAccount(handle, { email: `r${i}-${engine.name}@example.org`, displayName: `L${i}`, password: PASSWORD });
      await joinCohort(handle, learner, group.joinCode);
      const attemptId = crypto.randomUUID();
      await recordAnswer(handle, learner, answerIn(locale, attemptId, locale === "en" ? single.correct : [wrong]));
      if (locale === "fr") await finishAttempt(handle, learner, attemptId, "fr");
    }
  }, 120_000);
  afterAll(async () => cleanup());

  it("shows each question per locale and flags the locale that stands apart", async () => {
    const view = await itemAnalysis(handle, lead, cohortId);
    expect(view.locales).toEqual(["en", "fr"]);
    const item = view.items.find((q) => q.activityId === lessonRef.id && q.questionId === single.id)!;
    expect(item.answers).toBe(2 * n);
    // Two locales that differ are both flagged: the figures cannot say which one reads wrongly.
    expect(item.byLocale).toEqual([
      { locale: "en", answers: n, percentCorrect: 100, outlier: "easier" },
      { locale: "fr", answers: n, percentCorrect: 0, outlier: "harder" },
    ]);
  });

  it("filters the item analysis, the grid and the learning figures by locale in SQL", async () => {
    const fr = await itemAnalysis(handle, lead, cohortId, "fr");
    expect(fr.locales).toEqual(["fr"]);
    const item = fr.items.find((q) => q.questionId === single.id)!;
    expect(item).toMatchObject({ answers: n, percentCorrect: 0 });
    expect(item.byLocale).toBeUndefined();
    expect(fr.forms.find((f) => f.activityId === lessonRef.id)?.attempts).toBe(n);
    expect((await itemAnalysis(handle, lead, cohortId, "en")).items.find((q) => q.questionId === single.id)).toMatchObject({ answers: n, percentCorrect: 100 });

    const grid = await rosterGrid(handle, lead, cohortId, "fr");
    const doneBy = (g: typeof grid) => g.learners.filter((l) => l.cells[lessonRef.id]?.done).map((l) => l.name).sort();
    expect(grid.learners).toHaveLength(2 * n); // every member is listed; only their French work counts
    expect(doneBy(grid)).toEqual(Array.from({ length: n }, (_, i) => `L${n + i}`).sort());
    expect(doneBy(await rosterGrid(handle, lead, cohortId, "en"))).toEqual([]);
    expect(doneBy(await rosterGrid(handle, lead, cohortId))).toHaveLength(n);
    // No checks were taken in either language: the figures are empty, not an error.
    expect((await learningGain(handle, lead, cohortId, "fr")).n).toBe(0);
  });
});
