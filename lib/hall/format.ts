// The hall export file (issue #26): one JSON document holding what a group's hall session made,
// and only what the organisation's server needs to add it to the same group there. Versioned and
// validated with zod on import; every list and string is bounded, so a file's size is too.
// Written by lib/hall/export.ts, read by lib/hall/import.ts; described in docs/deploy.md.
import { z } from "zod";
import { userName } from "@/lib/text/name-schema";

export const HALL_FORMAT = "common-ground-hall-export";
export const HALL_FORMAT_VERSION = 1;
/** The largest file the import reads: a hall of 500 learners answering a whole course fits well inside. */
export const HALL_FILE_MAX_BYTES = 8 * 1024 * 1024;

/** A record's id: UUID-shaped (client ids, and ids derived from them, e.g. lib/live/store.ts liveAttemptId). */
const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const time = z.iso.datetime({ offset: true });
const locale = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/);
/** Content ids (courses, lessons, quizzes, questions, skills, experiments): lower-case slugs with a few separators. */
const slug = z.string().min(1).max(120).regex(/^[a-z0-9][a-z0-9._:#/-]*$/);

const learner = z.strictObject({
  id,
  /** The name shown to the facilitator (the nickname they chose); no email, no login name, no password. */
  displayName: userName("names.nicknameEmpty", 80),
  joinedAt: time,
});

const completion = z.strictObject({ userId: id, courseId: slug, lessonId: slug, completedAt: time, locale });

const attempt = z.strictObject({
  id,
  userId: id,
  courseId: slug,
  lessonId: slug,
  quizId: slug,
  startedAt: time,
  finishedAt: time.nullable(),
  score: z.number().min(0).max(1).nullable(),
  source: z.enum(["app", "guest", "live"]),
  contentVersion: z.string().max(80).nullable(),
  answerSummary: z.string().max(20_000).nullable(),
  locale,
});

const response = z.strictObject({
  id,
  attemptId: id,
  userId: id,
  questionId: slug,
  skill: z.string().min(1).max(80),
  chosen: z.array(z.string().min(1).max(80)).max(50),
  points: z.number().min(0).max(100),
  correct: z.union([z.literal(0), z.literal(1)]),
  answeredAt: time,
  locale,
});

const arm = z.strictObject({ userId: id, courseId: slug, experiment: z.string().min(1).max(120), arm: z.string().min(1).max(40), assignedAt: time });

export const hallExportSchema = z
  .strictObject({
    format: z.literal(HALL_FORMAT),
    version: z.literal(HALL_FORMAT_VERSION),
    exportedAt: time,
    group: z.strictObject({ id, name: userName("names.groupEmpty", 80), courseId: slug, locale }),
    learners: z.array(learner).max(2_000),
    completions: z.array(completion).max(100_000),
    attempts: z.array(attempt).max(100_000),
    responses: z.array(response).max(400_000),
    arms: z.array(arm).max(20_000),
  })
  .superRefine((file, ctx) => {
    // Every record belongs to one of the file's learners, and every answer to one of its attempts
    // of the same learner: otherwise the file was edited or is not a hall export.
    const learners = new Set(file.learners.map((l) => l.id));
    if (learners.size !== file.learners.length) ctx.addIssue({ code: "custom", path: ["learners"], message: "duplicate learner" });
    const attempts = new Map(file.attempts.map((a) => [a.id, a.userId]));
    const stray = (list: "completions" | "attempts" | "arms") => file[list].findIndex((r) => !learners.has(r.userId) || r.courseId !== file.group.courseId);
    for (const list of ["completions", "attempts", "arms"] as const) {
      const at = stray(list);
      if (at >= 0) ctx.addIssue({ code: "custom", path: [list, at], message: "not one of the group's learners or not the group's course" });
    }
    const orphan = file.responses.findIndex((r) => attempts.get(r.attemptId) !== r.userId);
    if (orphan >= 0) ctx.addIssue({ code: "custom", path: ["responses", orphan], message: "not an answer of one of the file's attempts" });
  });

export type HallExport = z.infer<typeof hallExportSchema>;

/** What an import adds (or, before it is confirmed, would add), and what was there already. */
export interface HallImportSummary {
  hallGroup: { name: string; exportedAt: string };
  /** True when nothing was written (the facilitator has not confirmed yet). */
  preview: boolean;
  learners: { added: number; known: number };
  completions: { added: number; known: number };
  attempts: { added: number; known: number };
  responses: { added: number; known: number };
}
