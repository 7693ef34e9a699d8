// The shape of every content file, as zod schemas. Pure: no file system here, so the content
// check, the loader and the tests all validate with the same rules.
import { z } from "zod";
import { SKILLS } from "@/lib/quiz/types";

/** A URL-safe identifier: lower-case words joined by hyphens. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and hyphens (for example 'inspired-or-directed')");

const text = z.string().trim().min(1, "must not be empty");

export const skill = z.enum(SKILLS);

/** A dated source: 2017, 2017-09 or 2017-09-25. */
export const source = z.strictObject({
  title: text,
  publisher: text,
  date: z
    .union([z.string(), z.number(), z.date()])
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d)))
    .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "write the date as YYYY, YYYY-MM or YYYY-MM-DD")),
  url: z.url({ protocol: /^https$/, error: "must be an https:// address" }).optional(),
  note: text.optional(),
});
export type Source = z.output<typeof source>;

export const courseFile = z.strictObject({
  title: text,
  summary: text,
  audience: text,
  modules: z
    .array(
      z.strictObject({
        id: slug,
        title: text,
        summary: text,
        lessons: z.array(slug).min(1, "a module needs at least one lesson"),
      }),
    )
    .min(1, "a course needs at least one module"),
});
export type CourseFile = z.infer<typeof courseFile>;

export const lessonFrontMatter = z.strictObject({
  title: text,
  summary: text,
  minutes: z.number().int().min(2).max(30),
  objectives: z.array(text).min(1, "list at least one learning objective").max(6),
  quiz: slug.optional(),
  sources: z.array(source).min(1, "every lesson lists its sources"),
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatter>;

const option = z.strictObject({
  id: slug,
  text,
  feedback: text,
});

const base = {
  id: slug,
  skill,
  prompt: text,
  explanation: text,
};

/**
 * Question types as authors write them. A true/false question gives its answer and the feedback
 * for each choice; the loader turns it into two options like every other type.
 */
export const questionFile = z.discriminatedUnion("type", [
  z.strictObject({ ...base, type: z.literal("single"), options: z.array(option).min(2), answer: slug }),
  z.strictObject({
    ...base,
    type: z.literal("multiple"),
    options: z.array(option).min(3),
    answer: z.array(slug).min(1, "mark at least one correct option"),
  }),
  z.strictObject({
    ...base,
    type: z.literal("true-false"),
    answer: z.boolean(),
    feedback: z.strictObject({ true: text, false: text }),
  }),
  z.strictObject({
    ...base,
    type: z.literal("scenario"),
    /** Scenarios are fictional; the screen says so every time. */
    vignette: text,
    options: z.array(option).min(2),
    answer: slug,
  }),
]);
export type QuestionFile = z.infer<typeof questionFile>;

export const quizFile = z.strictObject({
  title: text,
  /** Share of points needed to pass, 0..1. */
  passMark: z.number().min(0).max(1).default(0.7),
  questions: z.array(questionFile).min(1, "a quiz needs at least one question"),
});
export type QuizFile = z.infer<typeof quizFile>;
