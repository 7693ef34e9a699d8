// The support-route rules: a source URL on every entry, references that resolve, freshness that
// warns (and fails a release), counts by kind. Each case is a small channels.yml that breaks one rule.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import YAML from "yaml";
import { ageInDays, channelCounts, checkChannelFreshness, MAX_AGE_DAYS, type Channels } from "./channels";
import { loadChannels } from "./extras";
import type { ContentProblem } from "./files";

const FILE = "en/resources/channels.yml";
const TODAY = new Date("2026-12-07T10:00:00Z");

const entry = (name: string, extra: object = {}) => ({
  name,
  phone: "0800 000 000",
  whoAnswers: "Trained volunteers.",
  whatHappens: "They listen, and you decide what happens next.",
  source: { url: "https://example.org/help" },
  lastVerified: "2026-12-01",
  confidence: "high",
  ...extra,
});
const country = (extra: object = {}) => ({
  code: "GB",
  name: "United Kingdom",
  emergency: ["999"],
  confidence: "high",
  source: { title: "T", publisher: "P", date: "2026-12-01" },
  lastVerified: "2026-12-01",
  ...extra,
});
const file = (...countries: object[]) => ({ unknownCountry: { emergencyNote: "Call.", reportNote: "Police." }, countries });

const loaded: string[] = [];
afterEach(() => {
  for (const d of loaded.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Through the loader, as the content check reads it: shape, then the rules of channels.ts. */
function load(data: unknown): { channels?: Channels; problems: ContentProblem[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-routes-"));
  loaded.push(root);
  fs.mkdirSync(path.join(root, "en/resources"), { recursive: true });
  fs.writeFileSync(path.join(root, FILE), YAML.stringify(data));
  const problems: ContentProblem[] = [];
  return { channels: loadChannels(root, "en", problems), problems };
}

describe("loading channels.yml", () => {
  it.each([
    {
      name: "an entry without a source",
      data: file(country({ crisis: [{ name: "A helpline", phone: "116 123", lastVerified: "2026-12-01", confidence: "high" }] })),
      expected: { field: "countries[0].crisis[0].source.url", message: expect.stringContaining('"A helpline" has no source URL') },
    },
    {
      name: "a source with a title but no URL",
      data: file(country({ report: [entry("A form", { source: { title: "The form page" } })] })),
      expected: { field: "countries[0].report[0].source.url", message: expect.stringContaining("no source URL") },
    },
    {
      name: "a reference to an id that does not exist",
      data: file(country({ crisis: [entry("Samaritans", { id: "samaritans" })], self: [{ see: "samaritan" }] })),
      expected: { field: "countries[0].self[0].see", message: 'no entry with id "samaritan" in GB' },
    },
    {
      name: "a reference to an entry of another country",
      data: file(country({ crisis: [entry("Lifeline", { id: "lifeline" })] }), country({ code: "US", name: "United States", self: [{ see: "lifeline" }] })),
      expected: { field: "countries[1].self[0].see", message: 'no entry with id "lifeline" in US' },
    },
    {
      name: "an id used twice in one country",
      data: file(country({ crisis: [entry("A", { id: "line" })], exit: [entry("B", { id: "line" })] })),
      expected: { field: "countries[0].crisis[0].id", message: 'the id "line" is used twice in GB' },
    },
    {
      name: "a country listed twice",
      data: file(country(), country()),
      expected: { field: "countries[1].code", message: 'country "GB" is listed twice' },
    },
  ])("refuses $name", ({ data, expected }) => {
    const { channels, problems } = load(data);
    expect(problems).toContainEqual(expect.objectContaining(expected));
    expect(channels).toBeUndefined();
  });

  it.each([
    { name: "an entry that does not say who answers", extra: { whoAnswers: undefined }, field: "whoAnswers" },
    { name: "an entry that does not say what happens next", extra: { whatHappens: undefined }, field: "whatHappens" },
    { name: "an http source URL", extra: { source: { url: "http://example.org" } }, field: "source.url" },
    { name: "a date in another format", extra: { lastVerified: "07/12/2026" }, field: "lastVerified" },
    { name: "a confidence outside high and medium", extra: { confidence: "low" }, field: "confidence" },
    { name: "a reference with another field", extra: { see: "cst" }, field: "" },
  ])("refuses $name in the file's shape, naming the field", ({ extra, field }) => {
    const { problems } = load(file(country({ hate: [entry("CST", extra)] })));
    expect(problems.map((p) => p.field)).toEqual([`countries[0].hate[0]${field && `.${field}`}`]);
  });

  it("resolves a reference to the same entry, listed under both kinds", () => {
    const { channels, problems } = load(file(country({ crisis: [entry("Samaritans", { id: "samaritans" })], exit: [entry("Exit", { id: "exit" })], self: [{ see: "samaritans" }, { see: "exit" }] })));
    expect(problems).toEqual([]);
    const gb = channels!.countries[0];
    expect(gb.self.map((e) => e.name)).toEqual(["Samaritans", "Exit"]);
    expect(gb.self[0]).toBe(gb.crisis[0]);
    expect(gb.report).toEqual([]);
  });
});

describe("checkChannelFreshness", () => {
  const at = (entryDate: string, countryDate = "2026-12-01") => load(file(country({ lastVerified: countryDate, crisis: [entry("Line", { id: "line", lastVerified: entryDate })], self: [{ see: "line" }] }))).channels!;

  it.each([
    { entryDate: "2026-12-07", stale: 0 },
    { entryDate: "2026-06-10", stale: 0 }, // 180 days: still within
    { entryDate: "2026-06-09", stale: 1 }, // 181 days
    { entryDate: "2019-01-01", stale: 1 },
  ])("an entry verified on $entryDate: $stale stale", ({ entryDate, stale }) => {
    const everyday = checkChannelFreshness(at(entryDate), FILE, TODAY);
    expect(everyday.problems).toEqual([]);
    expect(everyday.warnings).toHaveLength(stale);
    const release = checkChannelFreshness(at(entryDate), FILE, TODAY, { release: true });
    expect(release.warnings).toEqual([]);
    expect(release.problems).toHaveLength(stale);
  });

  it("names the entry where it is defined, once, and the country's own date", () => {
    const { problems } = checkChannelFreshness(at("2025-01-01", "2025-02-01"), FILE, TODAY, { release: true });
    expect(problems).toEqual([
      expect.objectContaining({ field: "countries[0].lastVerified", message: expect.stringContaining("GB's emergency number was last verified on 2025-02-01") }),
      expect.objectContaining({ field: "countries[0].crisis[0].lastVerified", message: expect.stringContaining(`"Line" was last verified on 2025-01-01, 705 days ago (more than ${MAX_AGE_DAYS})`) }),
    ]);
  });

  it("counts whole UTC days", () => {
    expect(ageInDays("2026-12-07", TODAY)).toBe(0);
    expect(ageInDays("2026-12-06", new Date("2026-12-07T00:00:01Z"))).toBe(1);
    expect(ageInDays("2026-06-10", TODAY)).toBe(180);
  });
});

describe("channelCounts", () => {
  it("counts each kind as listed, references included", () => {
    const { channels } = load(file(country({ report: [entry("A"), entry("B")], crisis: [entry("C", { id: "c" })], self: [{ see: "c" }] })));
    expect(channelCounts(channels)).toEqual({ GB: { report: 2, worried: 0, exit: 0, crisis: 1, child: 0, hate: 0, self: 1 } });
    expect(channelCounts(undefined)).toEqual({});
  });
});

describe("npm run content:check and channels", () => {
  const script = path.resolve(__dirname, "../../scripts/content-check.ts");
  const tsx = path.resolve(__dirname, "../../node_modules/.bin/tsx");
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  // The smallest tree the check accepts (a quiz no knowledge-free rule passes), plus channels.yml.
  function tree(channels: object): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-channels-"));
    dirs.push(root);
    const files: Record<string, string> = {
      "en/courses/test/course.yml": YAML.stringify({ title: "C", summary: "S.", audience: "A.", modules: [{ id: "m", title: "M", summary: "S.", lessons: ["one"] }] }),
      "en/courses/test/lessons/01-one.md": "---\ntitle: L\nsummary: S.\nminutes: 6\nobjectives: [Explain]\nquiz: one\nsources:\n  - { title: T, publisher: P, date: 2025 }\n---\n## H\n\nBody text.\n",
      "en/courses/test/quizzes/one.yml": `title: Check
questions:
  - { id: q1, type: single, skill: recognising, prompt: Which?, answer: a, explanation: Because., options: [{ id: a, text: Bb, feedback: Right. }, { id: b, text: A, feedback: Wrong. }, { id: c, text: Ccc, feedback: Wrong. }] }
  - { id: q2, type: true-false, skill: resilience, prompt: True?, answer: false, feedback: { true: No., false: Yes. }, explanation: Because. }
  - { id: q3, type: true-false, skill: resilience, prompt: And this?, answer: true, feedback: { true: Yes., false: No. }, explanation: Because. }
  - { id: q4, type: multiple, skill: responding, prompt: Which ones?, answer: [a, c], explanation: Because., options: [{ id: a, text: A, feedback: Yes. }, { id: b, text: Bb, feedback: No. }, { id: c, text: C, feedback: Yes. }] }
  - { id: q5, type: scenario, skill: responding, ideology: none, vignette: A fictional story., prompt: What now?, answer: b, explanation: Because., options: [{ id: a, text: A, feedback: Wrong. }, { id: b, text: Bb, feedback: Right. }, { id: c, text: Ccc, feedback: Wrong. }] }
`,
      [FILE]: YAML.stringify(channels),
    };
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    return root;
  }
  const run = (root: string, ...args: string[]) => {
    const r = spawnSync(tsx, [script, `--root=${root}`, ...args], { encoding: "utf8" });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  // Old enough to be stale whatever day the test runs on.
  const stale = file(country({ lastVerified: "2000-01-01", hate: [entry("An old line", { lastVerified: "2000-01-01" })] }));

  it("warns about a stale entry and passes; --release fails on it", () => {
    const root = tree(stale);
    const everyday = run(root);
    expect(everyday.status).toBe(0);
    expect(everyday.stderr).toContain('warning: en/resources/channels.yml › countries[0].hate[0].lastVerified: "An old line" was last verified on 2000-01-01');
    const release = run(root, "--release");
    expect(release.status).toBe(1);
    expect(release.stderr).toContain('en/resources/channels.yml › countries[0].hate[0].lastVerified: "An old line" was last verified on 2000-01-01');
  });

  it("fails on an entry without a source URL, release or not", () => {
    const root = tree(file(country({ lastVerified: "2000-01-01", exit: [{ name: "No source", lastVerified: "2000-01-01", confidence: "high" }] })));
    const out = run(root);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('countries[0].exit[0].source.url: "No source" has no source URL');
  });

  it("--json lists routes by country and kind", () => {
    const root = tree(file(country({ lastVerified: "2000-01-01", report: [entry("A", { lastVerified: "2000-01-01" })] })));
    const out = run(root, "--json");
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as { channels: Record<string, Record<string, Record<string, number>>> };
    expect(json.channels.en.GB).toEqual({ report: 1, worried: 0, exit: 0, crisis: 0, child: 0, hate: 0, self: 0 });
  });
});
