// One list of ideologies for the whole content (content guide, rule 9): the tag on every story
// that shows concerning behaviour (lesson story passages, branching scenarios, quiz vignettes) and
// on every concerning card of the printable materials. The tags feed one check: no ideology may be
// more than 40 % of a course's concerning stories, so the course never teaches that one cause, or
// one community, is where violence comes from. Pure: no file system here.
import type { LocaleContent } from "./load";
import type { ContentProblem } from "./files";

/**
 * The guide's list: far-right and white-supremacist, jihadist, misogynist/incel, anti-government
 * and conspiracy-driven (one tag: the guide names them as one strand), school-attack fascination,
 * and mixed or unclear. A story that names no cause is "mixed".
 */
export const IDEOLOGIES = ["far-right", "jihadist", "misogynist", "anti-government", "school-attack", "mixed"] as const;
export type Ideology = (typeof IDEOLOGIES)[number];

/** A story's tag: an ideology, or "none" for a benign story (bias-check versions without a cause, news, rumours), which does not count. */
export const STORY_IDEOLOGIES = [...IDEOLOGIES, "none"] as const;
export type StoryIdeology = (typeof STORY_IDEOLOGIES)[number];

/** No ideology may be more than this share of the concerning stories (content guide, rule 9). */
export const MAX_IDEOLOGY_SHARE = 0.4;

/** One tagged story: where it is, which one, and its tag. */
export interface StoryTag {
  /** The file, relative to content/. */
  file: string;
  /** The question, scenario or story-passage id (a lesson's passages are "story-1", "story-2", ...). */
  id: string;
  ideology: StoryIdeology;
}

/** How many tagged items draw on each ideology; "none" and untagged items are left out. */
export function ideologyMix(items: readonly { ideology?: StoryIdeology }[]): Partial<Record<Ideology, number>> {
  const mix: Partial<Record<Ideology, number>> = {};
  for (const { ideology } of items) if (ideology && ideology !== "none") mix[ideology] = (mix[ideology] ?? 0) + 1;
  return mix;
}

/** A mix with each ideology's count and share (0..1, two decimals), and the total, for reports. */
export interface IdeologyMix {
  total: number;
  counts: Partial<Record<Ideology, number>>;
  shares: Partial<Record<Ideology, number>>;
}

export function describeMix(items: readonly { ideology?: StoryIdeology }[]): IdeologyMix {
  const counts = ideologyMix(items);
  const total = Object.values(counts).reduce((n, k) => n + k, 0);
  const shares = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, Math.round((100 * n) / total) / 100]));
  return { total, counts, shares };
}

/** The ideologies above MAX_IDEOLOGY_SHARE of the tagged items, as messages naming the counts. */
export function overShare(items: readonly { ideology?: StoryIdeology }[], what: string): string[] {
  const { total, counts } = describeMix(items);
  return Object.entries(counts)
    .filter(([, n]) => n / total > MAX_IDEOLOGY_SHARE)
    .map(
      ([ideology, n]) =>
        `"${ideology}" is ${n} of the ${total} ${what} (${Math.round((100 * n) / total)} %); no ideology may be more than ${MAX_IDEOLOGY_SHARE * 100} % ` +
        `(all: ${Object.entries(counts).map(([k, m]) => `${k} ${m}`).join(", ")})`,
    );
}

/** A lesson's story passage opens with `:::scenario{ideology=<tag>}`. */
const STORY_OPEN = /^:::\s*scenario\b(.*)$/;
const IDEOLOGY_ATTR = /\{[^}]*\bideology\s*=\s*"?([a-z-]+)"?[^}]*\}/;

/**
 * The tags of a lesson's story passages, in order, with problems for a passage without a known tag.
 * Every `:::scenario` block names its ideology ("none" for a benign story), so none is forgotten.
 */
export function lessonStoryTags(body: string): { tags: { id: string; ideology: StoryIdeology }[]; problems: string[] } {
  const tags: { id: string; ideology: StoryIdeology }[] = [];
  const problems: string[] = [];
  body.split("\n").forEach((raw, i) => {
    const open = STORY_OPEN.exec(raw.trim());
    if (!open) return;
    const id = `story-${tags.length + problems.length + 1}`;
    const tag = IDEOLOGY_ATTR.exec(open[1])?.[1];
    if (!tag) problems.push(`line ${i + 1}: name the story's ideology: :::scenario{ideology=<tag>} (${STORY_IDEOLOGIES.join(", ")}; "none" for a benign story)`);
    else if (!(STORY_IDEOLOGIES as readonly string[]).includes(tag)) problems.push(`line ${i + 1}: unknown ideology "${tag}" (${STORY_IDEOLOGIES.join(", ")})`);
    else tags.push({ id, ideology: tag as StoryIdeology });
  });
  return { tags, problems };
}

/**
 * Every tagged story of a course: its lessons' story passages, its branching scenarios and the
 * vignettes of its quizzes, check forms and refreshers (both versions of a bias-check pair: each
 * carries its own tag).
 */
export function courseStories(c: LocaleContent, courseId: string): StoryTag[] {
  const dir = `${c.locale}/courses/${courseId}`;
  const own = (key: string) => (key.startsWith(`${courseId}/`) ? key.slice(courseId.length + 1) : undefined);
  const out: StoryTag[] = [];
  for (const lesson of c.lessons.filter((l) => l.courseId === courseId)) {
    for (const t of lessonStoryTags(lesson.body).tags) out.push({ file: `${dir}/lessons/${lesson.id}`, ...t });
  }
  for (const [key, s] of c.scenarios) if (own(key) && s.ideology) out.push({ file: `${dir}/scenarios/${own(key)}.yml`, id: s.id, ideology: s.ideology as StoryIdeology });
  const quizzes = [
    ...[...c.quizzes].filter(([k]) => own(k)).map(([k, q]) => ({ file: `${dir}/quizzes/${own(k)}.yml`, quiz: q })),
    ...(["a", "b"] as const).flatMap((f) => {
      const quiz = c.forms.get(courseId)?.[f];
      return quiz ? [{ file: `${dir}/assessments/form-${f}.yml`, quiz }] : [];
    }),
    ...[...c.boosters].filter(([k]) => own(k)).map(([k, q]) => ({ file: `${dir}/boosters/${own(k)}.yml`, quiz: q })),
  ];
  for (const { file, quiz } of quizzes) {
    for (const q of quiz.questions) if (q.ideology) out.push({ file, id: q.id, ideology: q.ideology as StoryIdeology });
  }
  return out;
}

/** The course-wide balance rule, as content problems naming the counts. */
export function checkIdeologyMix(stories: readonly StoryTag[], courseFile: string): ContentProblem[] {
  return overShare(stories, "concerning stories of the course").map((message) => ({ file: courseFile, field: "ideology", message }));
}
