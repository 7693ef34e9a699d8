// Printable materials: each safety and key rule with a set that breaks it, the links from tracks
// to materials, and the real content/en sets against the rules the brief sets them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import YAML from "yaml";
import { loadContent } from "./load";
import { CARD_MAX_CHARS, CARDS_PER_SHEET, MAX_IDEOLOGY_SHARE, cardSheets, checkMaterial, identityWord, ideologyMix, itemCount, materialFile, type MaterialFile } from "./materials";

const piles = [
  { id: "calm", label: "No concern" },
  { id: "worry", label: "Seek advice", concerning: true },
];
type Card = { id: string; text?: string; answer?: string; why?: string; ideology?: string; technique?: string; pair?: string };
const card = (c: Card) => ({ text: `Card ${c.id} says something invented.`, why: "Because.", ...c });
/** Three concerning cards from three ideologies and one calm card: a set that passes. */
const good = [
  card({ id: "a", answer: "worry", ideology: "far-right" }),
  card({ id: "b", answer: "worry", ideology: "misogynist" }),
  card({ id: "c", answer: "worry", ideology: "anti-government" }),
  card({ id: "d", answer: "calm" }),
];
const cards = (list: object[], extra: object = {}): MaterialFile =>
  materialFile.parse({ kind: "cards", title: "T", summary: "S.", tracks: ["school"], instructions: "I.", piles, cards: list, ...extra });
const messages = (m: MaterialFile) => checkMaterial(m, "f.yml").map((p) => `${p.field}: ${p.message}`);

describe("card sets", () => {
  it("accepts a balanced set with its key", () => {
    expect(messages(cards(good))).toEqual([]);
  });

  it.each<[string, object[], object, string]>([
    ["a card without a pile", [...good, card({ id: "e" })], {}, "cards[4].answer: say which pile"],
    ["a card in an unknown pile", [...good, card({ id: "e", answer: "later" })], {}, 'cards[4].answer: the pile "later" is not among'],
    ["a pile answer in a set without piles", [card({ id: "a", answer: "calm" }), card({ id: "b" })], { piles: [] }, "cards[0].answer: this set has no piles"],
    ["a concerning card with no ideology", [...good, card({ id: "e", answer: "worry" })], {}, "cards[4].ideology: a concerning card names the ideology"],
    ["faith on a concerning card", [...good.slice(0, 2), card({ id: "c", answer: "worry", ideology: "jihadist", text: "Prays more and praises an attack." })], {}, 'cards[2].text: "Prays"'],
    ["dress on an ideology-tagged card in a calm pile", [...good, card({ id: "e", answer: "calm", ideology: "mixed", text: "Wears a headscarf and shares a post." })], {}, 'cards[4].text: "headscarf"'],
    ["two cards with one id", [...good, card({ id: "a", answer: "calm" })], {}, 'cards[4].id: card id "a" is used twice'],
    [
      "one ideology over 40 % of the tagged cards",
      [...good, card({ id: "e", answer: "worry", ideology: "far-right" })],
      {},
      `cards: "far-right" is 2 of the 4 ideology-tagged cards (50 %); no ideology may be more than ${MAX_IDEOLOGY_SHARE * 100} %`,
    ],
    ["a swap-test pair with different answers", [...good, card({ id: "e", answer: "calm", pair: "p" }), card({ id: "f", answer: "worry", ideology: "mixed", pair: "p" })], {}, 'pair "p": both versions need the same answer'],
    ["a swap-test pair of identical stories", [...good, card({ id: "e", answer: "calm", pair: "p", text: "Same." }), card({ id: "f", answer: "calm", pair: "p", text: "Same." })], {}, 'pair "p": the two versions are identical'],
    ["a swap-test pair with one version", [...good, card({ id: "e", answer: "calm", pair: "p" })], {}, 'pair "p" has 1 card(s)'],
  ])("refuses %s", (_name, list, extra, expected) => {
    expect(messages(cards(list, extra))).toContainEqual(expect.stringContaining(expected));
  });

  it("needs a technique on every post in a trick pile, and none elsewhere", () => {
    const trickPiles = [{ id: "trick", label: "Trick", trick: true }, { id: "genuine", label: "Genuine" }];
    const m = cards([card({ id: "a", answer: "trick" }), card({ id: "b", answer: "genuine", technique: "emotion" }), card({ id: "c", answer: "trick", technique: "trolling" })], { piles: trickPiles });
    expect(messages(m)).toEqual(["cards[0].technique: name the technique a manipulative post uses", "cards[1].technique: only a post in a trick pile has a technique"]);
  });

  it("refuses a card too long to print on one card", () => {
    const r = materialFile.safeParse({ kind: "cards", title: "T", summary: "S.", tracks: ["school"], instructions: "I.", cards: [card({ id: "a", text: "x".repeat(CARD_MAX_CHARS + 1) }), card({ id: "b" })] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["cards", 0, "text"], message: expect.stringContaining("prints on one card") });
  });

  it("splits cards into sheets of eight and counts the tagged ideologies", () => {
    expect(cardSheets(Array.from({ length: 12 }, (_, i) => i)).map((s) => s.length)).toEqual([CARDS_PER_SHEET, 4]);
    expect(cardSheets([1, 2, 3, 4, 5, 6, 7, 8]).length).toBe(1);
    expect(ideologyMix([{ ideology: "far-right" }, { ideology: "misogynist" }, {}, { ideology: "far-right" }])).toEqual({ "far-right": 2, misogynist: 1 });
  });
});

describe("timelines and chats", () => {
  const entry = (id: string, time: string, status: string, text = `Post ${id}.`) => ({ id, time, from: "An account", text, status, why: "W." });
  const timeline = (entries: object[]) => materialFile.parse({ kind: "timeline", title: "T", summary: "S.", tracks: ["school"], instructions: "I.", event: "E.", entries });
  const base = [entry("a", "13:00", "confirmed"), entry("b", "13:10", "wrong"), entry("c", "13:20", "unconfirmed"), entry("d", "14:05", "wrong")];

  it("accepts posts in time order with confirmed and wrong ones", () => {
    expect(messages(timeline(base))).toEqual([]);
  });

  it.each<[string, object[], string]>([
    ["posts out of time order", [...base, entry("e", "13:59", "wrong")], "entries[4].time: write the posts in time order"],
    ["no post later shown wrong", base.map((e) => ({ ...e, status: "confirmed" })), "entries: include at least one post that is later shown wrong"],
    ["a faith named in a post", [...base, entry("e", "15:00", "wrong", "The attacker left a mosque.")], 'entries[4].text: "mosque"'],
  ])("refuses %s", (_name, entries, expected) => {
    expect(messages(timeline(entries))).toContainEqual(expect.stringContaining(expected));
  });

  it("refuses a chat that names a faith", () => {
    const chat = materialFile.parse({
      kind: "chat", title: "T", summary: "S.", tracks: ["school"], instructions: "I.", chatName: "C", task: "Reply.", avoid: ["Insults."],
      messages: [{ id: "a", from: "A", text: "Did you see?" }, { id: "b", from: "B", text: "It was the Christians." }, { id: "c", from: "C", text: "Wait." }],
      replies: [{ id: "r1", text: "R.", why: "W." }, { id: "r2", text: "R.", why: "W." }],
    });
    expect(messages(chat)).toEqual([expect.stringContaining('messages[1].text: "Christians"')]);
    expect(itemCount(chat)).toBe(3);
  });
});

// Through the loader: links between tracks and materials.
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const C = "en/courses/test";
const q = (id: string) => ({ id, type: "single", skill: "recognising", prompt: `Prompt ${id}?`, explanation: "Because.", options: [{ id: "a", text: "A", feedback: "Yes." }, { id: "b", text: "B", feedback: "No." }], answer: "a" });
const workshop = (handouts: string[]) =>
  YAML.stringify({
    kind: "workshop", title: "W", summary: "S.", audience: "A.", course: "test", minutes: 30, disclosure: "D.",
    parts: [10, 10, 10].map((minutes, i) => ({ id: `p${i}`, title: `Part ${i}`, minutes, goals: ["G"], facilitatorNotes: "N.", ...(i === 1 ? { handouts } : {}) })),
  });
const quizSet = (tracks: string[], lessons = ["one"]) => YAML.stringify({ kind: "quiz", title: "Q", summary: "S.", tracks, instructions: "I.", lessons });

function load(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-materials-"));
  dirs.push(root);
  const all: Record<string, string> = {
    [`${C}/course.yml`]: YAML.stringify({ title: "C", summary: "S.", audience: "A.", modules: [{ id: "m", title: "M", summary: "S.", lessons: ["one"] }] }),
    [`${C}/lessons/01-one.md`]: `---\ntitle: L\nsummary: S.\nminutes: 6\nobjectives: [Explain]\nquiz: one\nsources:\n  - { title: T, publisher: P, date: 2025 }\n---\n## H\n\nBody text.\n`,
    [`${C}/quizzes/one.yml`]: YAML.stringify({ title: "Q", questions: [1, 2, 3, 4, 5].map((n) => q(`q${n}`)) }),
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return loadContent(root);
}

describe("materials and tracks", () => {
  it("loads a set that a workshop part names as a handout, and keeps the materials folder out of the tracks", () => {
    const { content, problems } = load({ "en/tracks/workshop.yml": workshop(["quizzes"]), "en/tracks/materials/quizzes.yml": quizSet(["workshop"]) });
    expect(problems).toEqual([]);
    expect(content[0].tracks.map((t) => t.id)).toEqual(["workshop"]);
    expect(content[0].materials).toMatchObject([{ id: "quizzes", kind: "quiz", tracks: ["workshop"], file: "en/tracks/materials/quizzes.yml" }]);
  });

  it.each<[string, Record<string, string>, { file: string; field: string; message: string }]>([
    ["a handout that does not exist", { "en/tracks/workshop.yml": workshop(["cards"]) }, { file: "en/tracks/workshop.yml", field: "parts[1].handouts[0]", message: 'no printable material "cards" in tracks/materials/' }],
    [
      "a handout of another track",
      { "en/tracks/workshop.yml": workshop(["quizzes"]), "en/tracks/materials/quizzes.yml": quizSet(["school"]) },
      { file: "en/tracks/workshop.yml", field: "parts[1].handouts[0]", message: 'material "quizzes" does not list the track "workshop" in its tracks' },
    ],
    ["a set for a track that does not exist", { "en/tracks/materials/quizzes.yml": quizSet(["school"]) }, { file: "en/tracks/materials/quizzes.yml", field: "tracks[0]", message: 'no track "school" in tracks/' }],
    [
      "a quiz set naming a lesson that does not exist",
      { "en/tracks/workshop.yml": workshop([]), "en/tracks/materials/quizzes.yml": quizSet(["workshop"], ["two"]) },
      { file: "en/tracks/materials/quizzes.yml", field: "lessons[0]", message: 'no lesson "two" with a quiz' },
    ],
    ["a file that is not a slug", { "en/tracks/workshop.yml": workshop([]), "en/tracks/materials/My Cards.yml": quizSet(["workshop"]) }, { file: "en/tracks/materials/My Cards.yml", field: "", message: "name the file <slug>.yml" }],
  ])("refuses %s", (_name, files, expected) => {
    expect(load(files).problems).toContainEqual(expected);
  });
});

// The real sets: what the tracks ask teachers and facilitators to prepare.
describe("content/en materials", () => {
  const { content, problems } = loadContent(path.join(__dirname, "..", "..", "content"));
  const en = content.find((c) => c.locale === "en")!;
  const set = (id: string) => {
    const m = en.materials.find((x) => x.id === id);
    if (!m) throw new Error(`no material ${id}`);
    return m;
  };
  const cardsOf = (id: string) => {
    const m = set(id);
    if (m.kind !== "cards") throw new Error(`${id} is not a card set`);
    return m;
  };
  const inPile = (id: string, pile: string) => cardsOf(id).cards.filter((c) => c.answer === pile).length;

  it("load without problems", () => {
    expect(problems).toEqual([]);
  });

  it("match the counts the school lessons ask for", () => {
    expect(cardsOf("statement-cards").cards).toHaveLength(8);
    expect(cardsOf("behaviour-cards").cards).toHaveLength(12);
    expect(cardsOf("behaviour-cards").piles.map((p) => p.id)).toEqual(["no-concern", "keep-an-eye", "seek-advice", "emergency"]);
    expect(cardsOf("situation-cards").cards).toHaveLength(8);
    expect(cardsOf("invented-posts").cards).toHaveLength(12);
    expect([inPile("invented-posts", "trick"), inPile("invented-posts", "genuine")]).toEqual([8, 4]);
    expect(cardsOf("share-check-report").cards).toHaveLength(8);
  });

  it("include genuine posts that are right to share", () => {
    expect(inPile("share-check-report", "share")).toBeGreaterThanOrEqual(2);
  });

  it("have a key on every card set, timeline and chat, and a letter and a feedback form for the school", () => {
    for (const m of en.materials) {
      if (m.kind === "cards") for (const c of m.cards) expect(c.why, `${m.id}/${c.id}`).not.toBe("");
      if (m.kind === "chat") expect(m.replies.length).toBeGreaterThanOrEqual(2);
    }
    expect(set("parent-letter").kind).toBe("letter");
    expect(set("feedback-form")).toMatchObject({ kind: "form", tracks: expect.arrayContaining(["school", "workshop"]) });
  });

  it("draw the concerning cards from many ideologies, none over 40 % over all sets", () => {
    const mix = ideologyMix(en.materials.flatMap((m) => (m.kind === "cards" ? m.cards : [])));
    const total = Object.values(mix).reduce((n, k) => n + k, 0);
    expect(Object.keys(mix).sort()).toEqual(["anti-government", "far-right", "jihadist", "misogynist", "mixed", "school-attack"]);
    for (const n of Object.values(mix)) expect(n / total).toBeLessThanOrEqual(MAX_IDEOLOGY_SHARE);
  });

  it("are each linked from the track activities that ask for them", () => {
    const linked = new Set(en.tracks.flatMap((t) => (t.kind === "school" ? t.lessons.flatMap((l) => l.activities.flatMap((a) => a.handouts)) : t.kind === "workshop" ? t.parts.flatMap((p) => p.handouts) : [])));
    for (const m of en.materials.filter((x) => x.kind !== "letter")) expect(linked, m.id).toContain(m.id);
  });
});

describe("identity words per locale", () => {
  it.each([
    ["fr", "Ils vont tous à la même mosquée.", "mosquée"],
    ["fr", "Accusez les réfugiés.", "réfugiés"],
    ["es", "Culpa a los inmigrantes.", "inmigrantes"],
    ["es", "Todos rezan juntos.", "rezan"],
    ["ar", "يذهبون جميعا إلى المسجد.", "المسجد"],
    ["ar", "ألقوا اللوم على اللاجئين.", "اللاجئين"],
  ])("%s: finds %j", (locale, text, word) => {
    expect(identityWord(text, locale)).toBe(word);
  });

  it.each([
    ["fr", "La mairie change les horaires du bus."],
    ["es", "El ayuntamiento cambia el horario del autobús."],
    ["ar", "غيرت المدينة مواعيد الحافلة."],
  ])("%s: accepts a harmless setting %j", (locale, text) => {
    expect(identityWord(text, locale)).toBeUndefined();
  });

  it("applies a locale's words to that locale's files only", () => {
    expect(identityWord("la même mosquée", "fr")).toBe("mosquée");
    expect(identityWord("la même mosquée", "es")).toBeUndefined();
  });
});
