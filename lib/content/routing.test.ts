// One routing rule everywhere (CONTENT-GUIDE.md §2, rule 12), compared across the real content:
// a KNOWN young person who praises an attack -> the safeguarding lead first, who decides on police;
// an UNKNOWN account -> the platform's report plus the police channel.
// What it covers: the items whose key encodes the rule (listed below by file and id), the lessons
// that state it (7, 9), and the school and workshop tracks. A new item that encodes the rule belongs
// in ITEMS; an edit that breaks the rule in a listed place fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "./load";
import type { Question, Quiz } from "@/lib/quiz/types";

const root = path.join(process.cwd(), "content");
const { content, problems } = loadContent(root);
const en = content.find((c) => c.locale === "en")!;

function allQuizzes(): Quiz[] {
  return [
    ...en.quizzes.values(),
    ...en.boosters.values(),
    ...[...en.forms.values()].flatMap((f) => [f.a, f.b].filter((q): q is Quiz => q !== undefined)),
  ];
}

function question(id: string): Question {
  const found = allQuizzes().flatMap((q) => q.questions).filter((q) => q.id === id);
  expect(found, `question "${id}"`).toHaveLength(1);
  return found[0]!;
}

type Route = "known-young-person" | "unknown-account";
const SAFEGUARDING = /safeguarding lead|\bDSL\b|trusted adult/i;
const PLATFORM = /platform|report it on the (?:app|site)|moderators/i;
const POLICE = /police/i;

/** Items whose key is the rule's route: [question id, route, sort item id when a sort question]. */
const ITEMS: [string, Route, string?][] = [
  ["pre-chat-praise", "known-young-person"], // form A: a classmate in the class chat
  ["post-comment-cheering", "known-young-person"], // form B: a classmate's account
  ["gaming-server-post", "unknown-account"], // concerning-behaviour-online
  ["sort-the-routes", "unknown-account", "public-post-praise"], // choosing-the-right-route
];

describe("one routing rule for praise of an attack", () => {
  it("loads the real content", () => expect(problems).toEqual([]));

  it.each(ITEMS)("%s keys the %s route", (id, route, item) => {
    const q = question(id);
    if (item) {
      const opt = q.options.find((o) => o.id === item)!;
      expect(q.correct).toContain(`${item}:police`);
      expect(opt.feedback).toMatch(PLATFORM);
      expect(opt.feedback).toMatch(POLICE);
      return;
    }
    const key = q.options.filter((o) => q.correct.includes(o.id));
    expect(key).toHaveLength(1);
    const said = `${key[0]!.text} ${key[0]!.feedback}`;
    if (route === "known-young-person") {
      // The safeguarding lead first; the key itself never sends a known young person straight to the police.
      expect(said).toMatch(SAFEGUARDING);
      expect(key[0]!.text).not.toMatch(POLICE);
    } else {
      expect(`${said} ${q.explanation}`).toMatch(PLATFORM);
      expect(`${said} ${q.explanation}`).toMatch(POLICE);
    }
  });

  it("the routes-combine explanation states both halves of the rule", () => {
    const e = question("routes-combine").explanation;
    expect(e).toMatch(/account you don't know[^.;]*platform and the police channel/);
    expect(e).toMatch(/young person you know[^.]*safeguarding lead first[^.]*decides/);
  });

  const lessonsDir = path.join(root, "en/courses/responding-well/lessons");
  it.each(["07-concerning-behaviour-online.md", "09-choosing-the-right-route.md"])("lesson %s states the known-young-person rule", (file) => {
    const text = fs.readFileSync(path.join(lessonsDir, file), "utf8").replace(/\*\*/g, "");
    expect(text).toMatch(/young person[^.]*designated safeguarding lead first[^.]*decides? whether the police/);
  });

  it("lesson 9 sends an unknown account to the platform and the police channel", () => {
    const text = fs.readFileSync(path.join(lessonsDir, "09-choosing-the-right-route.md"), "utf8").replace(/\*\*/g, "");
    expect(text).toMatch(/account you don't know, report it to the platform and the police channel/);
  });

  it.each([
    ["school.yml", /tell the DSL first, who decides whether to involve the police/],
    ["workshop.yml", /young person you know who\s+praises an attack goes to the safeguarding lead first, who decides on police/],
  ])("track %s states the known-young-person rule", (file, rule) => {
    const text = fs.readFileSync(path.join(root, "en/tracks", file), "utf8");
    expect(text).toMatch(rule);
  });
});
