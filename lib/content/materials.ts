// Printable teaching materials (content/<locale>/tracks/materials/<id>.yml): the cards, posts,
// timelines, chats, letters and forms a teacher or facilitator prepares for a track's activities,
// each with its answer key. The schema, the loader and the safety checks live here; the pages
// under app/[locale]/tracks/[track]/materials print them.
import path from "node:path";
import { z } from "zod";
import { check, type ContentProblem, dupes, exists, parseYaml, readText, rel, sortedDir } from "./files";
import { TECHNIQUES, slug } from "./schema";
import { IDEOLOGIES, MAX_IDEOLOGY_SHARE, ideologyMix } from "./ideology";
import { IDENTITY_WORDS_BY_LOCALE, localeOfFile } from "./locale-terms";

const text = z.string().trim().min(1, "must not be empty");

// The ideologies a concerning card or post can draw on: the course's one list (ideology.ts). The
// tag is for the teacher's key and the balance check only; no ideology may be more than
// MAX_IDEOLOGY_SHARE of a set's tagged cards (content guide, rule 9).
export { IDEOLOGIES, MAX_IDEOLOGY_SHARE, ideologyMix, type Ideology } from "./ideology";

/**
 * The longest card text. A printed card is 57 mm tall and about 93 mm wide (components/materials/
 * materials.css): eight lines of 11 pt, about 36 characters each in a wide sans-serif such as
 * DejaVu Sans. 200 characters leave a line or more to spare, so no card's text is cut on paper.
 */
export const CARD_MAX_CHARS = 200;

/** Cards per printed sheet: two columns of four, on A4 and US Letter alike (materials.css). */
export const CARDS_PER_SHEET = 8;

/**
 * Words of faith, dress and language. They never sit on a path towards violence (rule 9): a card
 * in a concerning pile, a card tagged with an ideology, a timeline post or a chat message may not
 * use them. Identity belongs in benign cards and in swap-test pairs only.
 */
export const IDENTITY_WORDS =
  /\b(relig\w*|faiths?|mosques?|churche?s?|synagogues?|temples?|gurdwaras?|pray\w*|convert\w*|conversion|muslims?|christians?|jews|jewish|hindus?|sikhs?|buddhists?|islam\w*|headscar(?:f|ves)|hijabs?|veils?|beards?|turbans?|kippahs?|accents?|arabic|urdu|polish|languages?|immigrants?|refugees?)\b/i;

/** The first identity word in `value` for a file of `locale` (the English words count in every locale). */
export function identityWord(value: string, locale = "en"): string | undefined {
  const own = IDENTITY_WORDS_BY_LOCALE[locale];
  return IDENTITY_WORDS.exec(value)?.[0] ?? own?.exec(value)?.[0];
}

const pile = z.strictObject({
  id: slug,
  label: text,
  /** Cards in this pile are concerning behaviour: each names its ideology and none mentions identity. */
  concerning: z.boolean().default(false),
  /** Cards in this pile are manipulative posts: each names its technique. */
  trick: z.boolean().default(false),
});

const card = z.strictObject({
  id: slug,
  /** What the card says: invented, weakened, no real names, slogans, groups or links. */
  text: text.max(CARD_MAX_CHARS, `keep a card under ${CARD_MAX_CHARS} characters, so it prints on one card without being cut`),
  /** The pile it belongs in (required when the set has piles). */
  answer: slug.optional(),
  /** The key: why it belongs there, or what a good answer sounds like. */
  why: text,
  ideology: z.enum(IDEOLOGIES).optional(),
  technique: z.enum(TECHNIQUES).optional(),
  /** Swap-test stories: the two versions of one story share a pair id and the same answer. */
  pair: slug.optional(),
});

const common = {
  title: text,
  /** One sentence: what the set is for. */
  summary: text,
  /** The tracks that use it; its print page is listed under each. */
  tracks: z.array(slug).min(1, "name at least one track"),
  /** Markdown for the teacher or facilitator: how to run the activity with it. */
  instructions: text,
  /** How many copies, e.g. "One set per group of three or four". */
  copies: text.optional(),
};

const cardsMaterial = z.strictObject({
  kind: z.literal("cards"),
  ...common,
  piles: z.array(pile).default([]),
  cards: z.array(card).min(2, "a card set needs at least two cards"),
  /** A closing point for the key: what to draw out in the discussion. */
  keyNote: text.optional(),
});

export const TIMELINE_STATUSES = ["confirmed", "wrong", "unconfirmed"] as const;

const timelineMaterial = z.strictObject({
  kind: z.literal("timeline"),
  ...common,
  /** The invented event, in a sentence. */
  event: text,
  entries: z
    .array(
      z.strictObject({
        id: slug,
        time: z.string().regex(/^\d{1,2}:\d{2}$/, "write the time as 14:05"),
        /** Who posted it, described without a handle: "A news site with editors", "An account made today". */
        from: text,
        text: text.max(CARD_MAX_CHARS),
        status: z.enum(TIMELINE_STATUSES),
        why: text,
      }),
    )
    .min(4, "a timeline needs at least four posts"),
  keyNote: text.optional(),
});

const chatMaterial = z.strictObject({
  kind: z.literal("chat"),
  ...common,
  chatName: text,
  messages: z.array(z.strictObject({ id: slug, from: text, text: text.max(CARD_MAX_CHARS) })).min(3),
  /** What the students are asked to do, printed under the chat. */
  task: text,
  /** The key: example replies that help, with why. */
  replies: z.array(z.strictObject({ id: slug, text, why: text })).min(2),
  /** The key: what not to do in a reply. */
  avoid: z.array(text).min(1),
});

const letterMaterial = z.strictObject({
  kind: z.literal("letter"),
  ...common,
  /** Markdown: the letter itself. */
  body: text,
  /** Lines the school fills in before printing, e.g. the safeguarding lead's name. */
  fields: z.array(z.strictObject({ id: slug, label: text })).min(1),
});

const formQuestion = z.discriminatedUnion("type", [
  z.strictObject({ id: slug, type: z.literal("scale"), text, low: text, high: text }),
  z.strictObject({ id: slug, type: z.literal("choice"), text, options: z.array(text).min(2).max(6) }),
  z.strictObject({ id: slug, type: z.literal("open"), text, lines: z.number().int().min(1).max(6).default(3) }),
]);

const formMaterial = z.strictObject({
  kind: z.literal("form"),
  ...common,
  /** Printed at the top of the form, e.g. that it is anonymous. */
  intro: text,
  questions: z.array(formQuestion).min(2).max(10, "keep a paper form to ten questions or fewer"),
});

const quizMaterial = z.strictObject({
  kind: z.literal("quiz"),
  ...common,
  /** Lessons whose quizzes are printed: questions first, the key on a separate sheet. */
  lessons: z.array(slug).min(1),
});

export const materialFile = z.discriminatedUnion("kind", [cardsMaterial, timelineMaterial, chatMaterial, letterMaterial, formMaterial, quizMaterial]);
export type MaterialFile = z.infer<typeof materialFile>;
export type MaterialKind = MaterialFile["kind"];
export type Material = MaterialFile & { id: string; file: string };
export type CardsMaterial = Extract<Material, { kind: "cards" }>;

/** Kinds whose print ends with an answer key on its own sheet. */
export function hasKey(m: Pick<Material, "kind">): boolean {
  return m.kind === "cards" || m.kind === "timeline" || m.kind === "chat" || m.kind === "quiz";
}

/** The cards of a set in printed sheets of CARDS_PER_SHEET. */
export function cardSheets<T>(cards: readonly T[]): T[][] {
  const sheets: T[][] = [];
  for (let i = 0; i < cards.length; i += CARDS_PER_SHEET) sheets.push(cards.slice(i, i + CARDS_PER_SHEET));
  return sheets;
}

/** The number of printed items of a set: cards, posts, messages or questions (quizzes count their lessons). */
export function itemCount(m: MaterialFile): number {
  switch (m.kind) {
    case "cards":
      return m.cards.length;
    case "timeline":
      return m.entries.length;
    case "chat":
      return m.messages.length;
    case "letter":
      return m.fields.length;
    case "form":
      return m.questions.length;
    case "quiz":
      return m.lessons.length;
  }
}

/** The safety and key rules of one set that need no other file. Pure: unit-tested with tables. */
export function checkMaterial(m: MaterialFile, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (field: string, message: string) => problems.push({ file, field, message });
  const identity = (field: string, value: string, what: string) => {
    const hit = identityWord(value, localeOfFile(file));
    if (hit) add(field, `"${hit}": ${what} never mentions faith, dress, language or origin; identity belongs in benign cards and swap-test pairs only`);
  };

  if (m.kind === "cards") {
    const ids = m.cards.map((c) => c.id);
    dupes(ids, (i) => add(`cards[${i}].id`, `card id "${ids[i]}" is used twice`));
    const pileIds = m.piles.map((p) => p.id);
    dupes(pileIds, (i) => add(`piles[${i}].id`, `pile id "${pileIds[i]}" is used twice`));
    const piles = new Map(m.piles.map((p) => [p.id, p]));
    m.cards.forEach((c, i) => {
      const at = `cards[${i}]`;
      const p = c.answer ? piles.get(c.answer) : undefined;
      if (m.piles.length > 0 && !c.answer) add(`${at}.answer`, `say which pile it belongs in (${pileIds.join(", ")})`);
      if (m.piles.length === 0 && c.answer) add(`${at}.answer`, "this set has no piles: write the key in `why` only");
      if (c.answer && !p && m.piles.length > 0) add(`${at}.answer`, `the pile "${c.answer}" is not among the piles (${pileIds.join(", ")})`);
      if (p?.concerning && !c.ideology) add(`${at}.ideology`, `a concerning card names the ideology it draws on (${IDEOLOGIES.join(", ")})`);
      if (p?.trick && !c.technique) add(`${at}.technique`, "name the technique a manipulative post uses");
      if (p && !p.trick && c.technique) add(`${at}.technique`, "only a post in a trick pile has a technique");
      if (p?.concerning || c.ideology) identity(`${at}.text`, c.text, "a concerning or ideology-tagged card");
    });
    const pairs = new Map<string, number[]>();
    m.cards.forEach((c, i) => c.pair && pairs.set(c.pair, [...(pairs.get(c.pair) ?? []), i]));
    for (const [pair, at] of pairs) {
      if (at.length !== 2) {
        add(`cards[${at[0]}].pair`, `pair "${pair}" has ${at.length} card(s); a swap-test pair has exactly two versions`);
        continue;
      }
      const [a, b] = at.map((i) => m.cards[i]);
      if (a.answer !== b.answer) add(`cards[${at[1]}].answer`, `pair "${pair}": both versions need the same answer (the same behaviour gets the same answer), not "${a.answer}" and "${b.answer}"`);
      if (a.text === b.text) add(`cards[${at[1]}].text`, `pair "${pair}": the two versions are identical; change the one identity feature`);
    }
    const mix = ideologyMix(m.cards);
    const tagged = Object.values(mix).reduce((n, k) => n + k, 0);
    for (const [ideology, n] of Object.entries(mix)) {
      if (n / tagged > MAX_IDEOLOGY_SHARE) {
        add("cards", `"${ideology}" is ${n} of the ${tagged} ideology-tagged cards (${Math.round((100 * n) / tagged)} %); no ideology may be more than ${MAX_IDEOLOGY_SHARE * 100} %`);
      }
    }
  } else if (m.kind === "timeline") {
    const ids = m.entries.map((e) => e.id);
    dupes(ids, (i) => add(`entries[${i}].id`, `post id "${ids[i]}" is used twice`));
    m.entries.forEach((e, i) => identity(`entries[${i}].text`, e.text, "a post about an invented attack"));
    const minutes = m.entries.map((e) => Number(e.time.split(":")[0]) * 60 + Number(e.time.split(":")[1]));
    minutes.forEach((t, i) => {
      if (i > 0 && t < minutes[i - 1]) add(`entries[${i}].time`, "write the posts in time order");
    });
    for (const status of ["confirmed", "wrong"] as const) {
      if (!m.entries.some((e) => e.status === status)) add("entries", `include at least one post that is ${status === "wrong" ? "later shown wrong" : "later confirmed"}`);
    }
  } else if (m.kind === "chat") {
    const ids = m.messages.map((e) => e.id);
    dupes(ids, (i) => add(`messages[${i}].id`, `message id "${ids[i]}" is used twice`));
    m.messages.forEach((e, i) => identity(`messages[${i}].text`, e.text, "an invented chat that blames a community"));
  } else if (m.kind === "form") {
    const ids = m.questions.map((q) => q.id);
    dupes(ids, (i) => add(`questions[${i}].id`, `question id "${ids[i]}" is used twice`));
  } else if (m.kind === "letter") {
    const ids = m.fields.map((f) => f.id);
    dupes(ids, (i) => add(`fields[${i}].id`, `field id "${ids[i]}" is used twice`));
  }
  return problems;
}

const MATERIAL_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$/;

/** The folder of a locale's materials, inside its tracks folder. */
export const MATERIALS_DIR = "materials";

/** Reads and checks content/<locale>/tracks/materials/*.yml. */
export function loadMaterials(root: string, locale: string, problems: ContentProblem[]): Material[] {
  const dir = path.join(root, locale, "tracks", MATERIALS_DIR);
  if (!exists(dir)) return [];
  const out: Material[] = [];
  for (const entry of sortedDir(dir)) {
    const file = rel(root, path.join(dir, entry.name));
    const m = entry.isFile() ? MATERIAL_FILE.exec(entry.name) : null;
    if (!m) {
      problems.push({ file, field: "", message: "name the file <slug>.yml" });
      continue;
    }
    const data = parseYaml(readText(path.join(dir, entry.name)), file, problems);
    if (data === undefined) continue;
    const parsed = check(materialFile, data, file, problems);
    if (!parsed) continue;
    const found = checkMaterial(parsed, file);
    problems.push(...found);
    if (found.length === 0) out.push({ ...parsed, id: m[1], file });
  }
  return out;
}

/** What a track asks for: the sets its activities or parts name as handouts. */
export interface HandoutRef {
  track: string;
  file: string;
  field: string;
  id: string;
}

/**
 * The links between materials and the rest: each set's tracks exist, each quiz set's lessons have
 * quizzes, and each handout a track names is a set listed under that track.
 */
export function checkMaterialRefs(
  materials: readonly Material[],
  refs: { tracks: ReadonlySet<string>; lessonQuizzes: ReadonlySet<string>; handouts: readonly HandoutRef[] },
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const m of materials) {
    m.tracks.forEach((t, i) => {
      if (!refs.tracks.has(t)) problems.push({ file: m.file, field: `tracks[${i}]`, message: `no track "${t}" in tracks/` });
    });
    if (m.kind === "quiz") {
      m.lessons.forEach((l, i) => {
        if (!refs.lessonQuizzes.has(l)) problems.push({ file: m.file, field: `lessons[${i}]`, message: `no lesson "${l}" with a quiz` });
      });
    }
  }
  for (const h of refs.handouts) {
    const m = materials.find((x) => x.id === h.id);
    if (!m) problems.push({ file: h.file, field: h.field, message: `no printable material "${h.id}" in tracks/${MATERIALS_DIR}/` });
    else if (!m.tracks.includes(h.track)) problems.push({ file: h.file, field: h.field, message: `material "${h.id}" does not list the track "${h.track}" in its tracks` });
  }
  return problems;
}
