// activities/<id>.yml: active inoculation in the spirit of Bad News and Radicalise, done safely.
// The learner builds a weakened, invented post from fixed pieces (never free text), then judges
// invented posts. The schema and the checks here keep every piece vetted: a named technique, a
// harmless setting, one piece of each strength per step, no identity words, a mixed spot round.
import path from "node:path";
import { z } from "zod";
import { PIECE_USES, type Activity } from "@/lib/activity/types";
import { slug, TECHNIQUES } from "./schema";
import { check, type ContentProblem, dupes, exists, parseYaml, readText, rel, sortedDir } from "./files";
import { localeOfFile } from "./locale-terms";
import { identityWord } from "./materials";

const text = z.string().trim().min(1, "must not be empty");

/** Pieces are joined into one post: keep each to a sentence or two. */
export const PIECE_MAX_CHARS = 160;

const piece = z.strictObject({
  id: slug,
  text: text.max(PIECE_MAX_CHARS, `keep a piece under ${PIECE_MAX_CHARS} characters: one sentence of the post`),
  use: z.enum(PIECE_USES, { error: `mark how well the piece uses the technique: one of ${PIECE_USES.join(", ")}` }),
  feedback: text,
});

export const activityFile = z.strictObject({
  title: text,
  summary: text,
  technique: z.enum(TECHNIQUES, { error: `name the technique: one of ${TECHNIQUES.join(", ")}` }),
  /** An invented, harmless setting (a bus timetable, a council decision): nothing about real groups, attacks or faiths. */
  frame: text,
  steps: z
    .array(z.strictObject({ id: slug, prompt: text, pieces: z.array(piece).length(3, "offer exactly three pieces: one used well, one weakly, one not at all") }))
    .min(2, "build the post in at least two steps")
    .max(4, "build the post in at most four steps"),
  explanation: text,
  spot: z.strictObject({
    prompt: text,
    posts: z
      .array(z.strictObject({ id: slug, text, uses: z.boolean(), feedback: text }))
      .min(3, "judge at least three posts")
      .max(4, "judge at most four posts: it is a short round"),
  }),
});
export type ActivityFile = z.infer<typeof activityFile>;

/** Rules zod cannot say: ids unique, each use once per step, the best piece not always in one place, a mixed round, no identity words. */
export function checkActivity(a: ActivityFile, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (field: string, message: string) => problems.push({ file, field, message });
  const stepIds = a.steps.map((s) => s.id);
  dupes(stepIds, (i) => add(`steps[${i}].id`, `step id "${stepIds[i]}" is used twice`));
  a.steps.forEach((s, si) => {
    const ids = s.pieces.map((p) => p.id);
    dupes(ids, (i) => add(`steps[${si}].pieces[${i}].id`, `piece id "${ids[i]}" is used twice in this step`));
    for (const use of PIECE_USES) {
      const n = s.pieces.filter((p) => p.use === use).length;
      if (n !== 1) add(`steps[${si}].pieces`, `mark exactly one piece "${use}" (found ${n}): each step contrasts a strong, a weak and no use of the technique`);
    }
  });
  // Pieces are shown in file order: a learner must not find the strongest by its position.
  const wellAt = a.steps.map((s) => s.pieces.findIndex((p) => p.use === "well"));
  if (wellAt.length > 1 && wellAt.every((i) => i === wellAt[0])) {
    add("steps", `the piece marked "well" is number ${wellAt[0] + 1} in every step: vary its position`);
  }
  const postIds = a.spot.posts.map((p) => p.id);
  dupes(postIds, (i) => add(`spot.posts[${i}].id`, `post id "${postIds[i]}" is used twice`));
  const using = a.spot.posts.filter((p) => p.uses).length;
  if (using === 0 || using === a.spot.posts.length) add("spot.posts", "mix posts that use the technique with posts that do not: the round scores discernment");
  // Behaviour, never identity (content guide rules 1 and 9): the invented posts blame or frighten nobody by faith, dress or language.
  const identity = (field: string, value: string) => {
    const hit = identityWord(value, localeOfFile(file));
    if (hit) add(field, `"${hit}": an invented post may not mention faith, dress, language or origin; use a harmless setting (a bus timetable, a council decision)`);
  };
  identity("frame", a.frame);
  a.steps.forEach((s, si) => s.pieces.forEach((p, pi) => identity(`steps[${si}].pieces[${pi}].text`, p.text)));
  a.spot.posts.forEach((p, pi) => identity(`spot.posts[${pi}].text`, p.text));
  return problems;
}

const YAML_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$/;

/** A course's activities folder, validated; only valid activities are returned. */
export function loadActivities(root: string, courseDir: string, problems: ContentProblem[]): Map<string, Activity> {
  const out = new Map<string, Activity>();
  const dir = path.join(courseDir, "activities");
  if (!exists(dir)) return out;
  for (const entry of sortedDir(dir)) {
    const file = rel(root, path.join(dir, entry.name));
    const m = entry.isFile() ? YAML_FILE.exec(entry.name) : null;
    if (!m) {
      problems.push({ file, field: "", message: "name the file <slug>.yml" });
      continue;
    }
    const data = parseYaml(readText(path.join(dir, entry.name)), file, problems);
    if (data === undefined) continue;
    const a = check(activityFile, data, file, problems);
    if (!a) continue;
    const found = checkActivity(a, file);
    problems.push(...found);
    if (found.length === 0) out.set(m[1], { id: m[1], ...a });
  }
  return out;
}
