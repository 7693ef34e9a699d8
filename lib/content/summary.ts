// The one-object summary printed by `npm run content:check -- --json`, for comparing commits.
import type { BiasFeature } from "@/lib/quiz/types";
import { scoredQuizzes } from "./item-rules";
import type { LocaleContent } from "./load";
import { channelCounts, type ChannelKind } from "./channels";
import { itemCount, type MaterialKind } from "./materials";
import { courseStories, describeMix, ideologyMix, type Ideology, type IdeologyMix } from "./ideology";

/** One bias-check pair as the summary lists it: where it is and what its versions differ in. */
export interface PairSummary {
  id: string;
  feature: BiasFeature;
  /** The file, relative to content/. */
  file: string;
  versions: [string, string];
}

export interface ContentSummary {
  locales: string[];
  courses: number;
  modules: number;
  lessons: number;
  quizzes: number;
  questions: number;
  scenarios: number;
  discernmentItems: number;
  biasPairs: number;
  /** "<locale>/<course>" -> its pairs, in file order. */
  biasPairsByCourse: Record<string, PairSummary[]>;
  assessmentItems: { a: number; b: number };
  /** "Your views" statements, over all courses. */
  attitudeItems: number;
  boosters: number;
  tracks: string[];
  countries: number;
  /** Support routes by locale, country and kind ("en" -> "GB" -> { report: 3, exit: 1, ... }). */
  channels: Record<string, Record<string, Record<ChannelKind, number>>>;
  /** School lesson id -> Flesch-Kincaid grade of its student text. */
  schoolReadingGrades: Record<string, number>;
  /** "<locale>/<course>" -> its concerning stories by ideology: counts, shares and total ("none" left out). */
  ideologyMix: Record<string, IdeologyMix>;
  /** Printable materials ("<locale>/<id>"): kind, tracks, printed items, and the ideologies of tagged cards. */
  materials: { id: string; kind: MaterialKind; tracks: string[]; items: number; ideologies: Partial<Record<Ideology, number>> }[];
}

export function summarise(content: LocaleContent[], defaultLocale = "en"): ContentSummary {
  const all = (f: (c: LocaleContent) => number) => content.reduce((n, c) => n + f(c), 0);
  const quizzes = content.flatMap((c) => [
    ...c.quizzes.values(),
    ...c.boosters.values(),
    ...[...c.forms.values()].flatMap((f) => [f.a, f.b].filter((q) => q !== undefined)),
  ]);
  const grades: Record<string, number> = {};
  for (const c of content) {
    for (const t of c.tracks) {
      for (const [id, g] of Object.entries(t.readingGrades ?? {})) grades[c.locale === defaultLocale ? id : `${c.locale}/${id}`] = g;
    }
  }
  const pairs: Record<string, PairSummary[]> = {};
  for (const c of content) {
    for (const course of c.courses) {
      pairs[`${c.locale}/${course.id}`] = scoredQuizzes(c, course.id).flatMap(({ file, quiz }) =>
        (quiz.biasPairs ?? []).map((p) => ({ id: p.id, feature: p.feature, file, versions: p.versions })),
      );
    }
  }
  return {
    locales: content.map((c) => c.locale),
    courses: all((c) => c.courses.length),
    modules: all((c) => c.courses.reduce((n, k) => n + k.modules.length, 0)),
    lessons: all((c) => c.lessons.length),
    quizzes: all((c) => c.quizzes.size),
    questions: quizzes.reduce((n, q) => n + q.questions.length, 0),
    scenarios: all((c) => c.scenarios.size),
    discernmentItems: quizzes.reduce((n, q) => n + q.questions.filter((x) => x.type === "discern").reduce((m, x) => m + x.options.length, 0), 0),
    biasPairs: quizzes.reduce((n, q) => n + (q.biasPairs?.length ?? 0), 0),
    biasPairsByCourse: pairs,
    ideologyMix: Object.fromEntries(content.flatMap((c) => c.courses.map((course) => [`${c.locale}/${course.id}`, describeMix(courseStories(c, course.id))]))),
    assessmentItems: {
      a: all((c) => [...c.forms.values()].reduce((n, f) => n + (f.a?.questions.length ?? 0), 0)),
      b: all((c) => [...c.forms.values()].reduce((n, f) => n + (f.b?.questions.length ?? 0), 0)),
    },
    attitudeItems: all((c) => [...c.attitudes.values()].reduce((n, a) => n + a.items.length, 0)),
    boosters: all((c) => c.boosters.size),
    tracks: content.flatMap((c) => c.tracks.map((t) => `${c.locale}/${t.id}`)),
    countries: all((c) => c.channels?.countries.length ?? 0),
    channels: Object.fromEntries(content.map((c) => [c.locale, channelCounts(c.channels)])),
    schoolReadingGrades: grades,
    materials: content.flatMap((c) =>
      c.materials.map((m) => ({ id: `${c.locale}/${m.id}`, kind: m.kind, tracks: m.tracks, items: itemCount(m), ideologies: m.kind === "cards" ? ideologyMix(m.cards) : {} })),
    ),
  };
}
