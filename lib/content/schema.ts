// The shape of every content file, as zod schemas. Pure: no file system here, so the content
// check, the loader and the tests all validate with the same rules.
import { z } from "zod";
import { BIAS_FEATURES, DEFAULT_PASS_MARK, SKILLS } from "@/lib/quiz/types";
import { STORY_IDEOLOGIES } from "./ideology";
import { SLUG } from "./activity-id";

/** A URL-safe identifier: lower-case words joined by hyphens. */
export const slug = z
  .string()
  .regex(SLUG, "use lower-case letters, digits and hyphens (for example 'inspired-or-directed')");

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
  /** A branching scenario (scenarios/<id>.yml) played after the lesson text. */
  scenario: slug.optional(),
  /** An inoculation activity (activities/<id>.yml) linked from the lesson (lib/content/activities.ts). */
  activity: slug.optional(),
  sources: z.array(source).min(1, "every lesson lists its sources"),
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatter>;

const option = z.strictObject({
  id: slug,
  text,
  feedback: text,
  /** "None of these"-style options: kept last when the options are shuffled (write them last). */
  pinLast: z.literal(true).optional(),
});

const base = {
  id: slug,
  skill,
  prompt: text,
  explanation: text,
};

/** Every story names its ideology (content guide, rule 9): the course's mix is checked in ideology.ts. */
export const storyIdeology = z.enum(STORY_IDEOLOGIES, {
  error: `name the story's ideology: one of ${STORY_IDEOLOGIES.join(", ")} ("none" for a benign story)`,
});

/**
 * Manipulation techniques: Bad News' six, then others the course teaches (fake experts and
 * scaremongering from Go Viral!, scapegoating and false dichotomies from the Jigsaw videos,
 * whataboutism and decontextualisation from lesson 11). Labels: messages.json materials.technique.
 */
export const TECHNIQUES = [
  "impersonation", "emotion", "polarisation", "conspiracy", "discrediting", "trolling",
  "fake-expert", "scapegoating", "whataboutism", "decontextualisation", "scaremongering", "false-dichotomy",
] as const;

const sortCategory = z.strictObject({ id: slug, label: text });
const sortItem = z.strictObject({ id: slug, text, answer: slug, feedback: text });
const discernItem = z.strictObject({
  id: slug,
  /** The post as the learner sees it: invented, weakened and free of real slogans or handles. */
  text,
  manipulative: z.boolean(),
  /** For manipulative posts: the technique it uses (Bad News' six, or another named one). */
  technique: z.enum(TECHNIQUES).optional(),
  feedback: text,
});

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
    type: z.literal("sort"),
    /** The piles, in order (for example no concern / talk and keep an eye / seek advice / emergency). */
    categories: z.array(sortCategory).min(2).max(6),
    items: z.array(sortItem).min(2).max(12),
  }),
  z.strictObject({
    ...base,
    type: z.literal("discern"),
    /** Genuine and manipulative posts mixed; scored as hit rate and false-alarm rate. */
    items: z.array(discernItem).min(3).max(12),
  }),
  z.strictObject({
    ...base,
    type: z.literal("scenario"),
    /** Scenarios are fictional; the screen says so every time. */
    vignette: text,
    /** The cause behind the behaviour the story shows, or "none" for a benign story (ideology.ts). */
    ideology: storyIdeology,
    options: z.array(option).min(2),
    answer: slug,
  }),
]);
export type QuestionFile = z.infer<typeof questionFile>;

export const biasPair = z.strictObject(
  {
    /** Unique across the course: reports compare the versions' answers under this id. */
    id: slug,
    feature: z.enum(BIAS_FEATURES, { error: `name what differs between the versions: one of ${BIAS_FEATURES.join(", ")}` }),
    versions: z.tuple([slug, slug], { error: "list the two versions' question ids: versions: [first-id, second-id]" }),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type" ? "write a pair as { id, feature, versions: [first-id, second-id] } (a bare [a, b] list is the old format)" : undefined,
  },
);

export const quizFile = z.strictObject({
  title: text,
  /** Share of points needed to pass, 0..1. */
  passMark: z.number().min(0).max(1).default(DEFAULT_PASS_MARK),
  questions: z.array(questionFile).min(1, "a quiz needs at least one question"),
  /**
   * Bias checks: two versions of one story that differ in one identity feature. A learner sees one
   * version (lib/content/pair-rules.ts holds what makes two questions a fair pair).
   */
  biasPairs: z.array(biasPair).default([]),
});
export type QuizFile = z.infer<typeof quizFile>;

/** A branching scenario: a graph of steps; every path ends in an outcome with a debrief. */
export const scenarioFile = z.strictObject({
  title: text,
  summary: text,
  skill,
  /** The cause behind the behaviour the scenario shows, or "none" for a benign one (ideology.ts). */
  ideology: storyIdeology,
  start: slug,
  steps: z.record(
    slug,
    z.strictObject({
      text,
      choices: z.array(z.strictObject({ id: slug, text, next: slug })).min(1).max(4).optional(),
      ending: z.strictObject({ outcome: z.enum(["helpful", "mixed", "harmful"]), debrief: text }).optional(),
    }),
  ),
});
export type ScenarioFile = z.infer<typeof scenarioFile>;

/** Pre- and post-assessments and boosters are quizzes that stand on their own. */
export const assessmentFile = quizFile;
export const boosterFile = quizFile.extend({
  /** Offered this many days after the learner finished the course. */
  offerAfterDays: z.number().int().min(1).max(365),
  summary: text,
});

const discussion = z.strictObject({ question: text, prompts: z.array(text).min(1) });

/** A track slot that is the course's starting (pre) or final (post) check; the loader checks the course has it. */
const assessmentForm = z.enum(["pre", "post"], { error: 'write "pre" (the starting check) or "post" (the final check)' });

/**
 * App pages (besides the printable materials) that a plan may send someone to for a thing to print
 * or prepare: the help page's local reporting card. The track pages map each to its address.
 */
export const PLAN_PAGES = ["help"] as const;
export type PlanPage = (typeof PLAN_PAGES)[number];

/**
 * Something to bring or prepare before a session or lesson. Plain words, or the words with what
 * makes it: printable materials of the track (tracks/materials/<id>.yml) or an app page. The
 * loader refuses an item that says it is printed without one (lib/content/plan.ts), so every
 * printed thing a plan asks for has a page that prints it.
 */
const prepareItem = z.preprocess(
  // Plain words are an item with nothing to print.
  (item) => (typeof item === "string" ? { text: item } : item),
  z.strictObject({
    text,
    print: z.array(slug).default([]),
    page: z.enum(PLAN_PAGES, { error: `name an app page: ${PLAN_PAGES.join(", ")}` }).optional(),
  }),
);
export type PrepareItem = z.output<typeof prepareItem>;

const workshopTrack = z.strictObject({
  kind: z.literal("workshop"),
  title: text,
  summary: text,
  audience: text,
  course: slug,
  minutes: z.number().int(),
  parts: z
    .array(
      z.strictObject({
        id: slug,
        title: text,
        minutes: z.number().int().min(1),
        module: slug.optional(),
        lessons: z.array(slug).default([]),
        scenario: slug.optional(),
        /** The part is the starting or final check: the page links the form and gives its length. */
        assessment: assessmentForm.optional(),
        goals: z.array(text).min(1),
        /** Markdown: what the facilitator says and does. */
        facilitatorNotes: text,
        discussion: z.array(discussion).default([]),
        /** Printable materials the part uses (tracks/materials/<id>.yml); the page links each. */
        handouts: z.array(slug).default([]),
      }),
    )
    .min(3),
  /** Markdown: what to do when someone discloses a worry about a real person. */
  disclosure: text,
  /** What to bring: a printed thing names its page (prepareItem). */
  materials: z.array(prepareItem).default([]),
});

const selfPacedTrack = z.strictObject({
  kind: z.literal("self-paced"),
  title: text,
  summary: text,
  audience: text,
  course: slug,
  hours: text,
  steps: z.array(z.strictObject({ type: z.enum(["assessment", "module", "booster"]), id: slug, note: text.optional() })).min(3),
});

const schoolTrack = z.strictObject({
  kind: z.literal("school"),
  title: text,
  summary: text,
  audience: text,
  course: slug,
  lessons: z
    .array(
      z.strictObject({
        id: slug,
        title: text,
        minutes: z.literal(50),
        ages: z.string().regex(/^1[3-8]-1[3-8]$/, "write the ages as a range such as 13-14 or 13-18"),
        contentWarning: text,
        /** Who to talk to, named in every lesson (the designated safeguarding lead or another trusted adult). */
        trustedAdult: text,
        objectives: z.array(text).min(1).max(5),
        /** Markdown the students read; the content check reports its reading grade (Flesch-Kincaid) and fails above 9. */
        learnerText: text,
        teacherNotes: text,
        activities: z
          .array(
            z.strictObject({
              title: text,
              minutes: z.number().int().min(1),
              description: text,
              /** The activity is the starting or final check (see assessmentForm). */
              assessment: assessmentForm.optional(),
              /** What to do for students who miss the lesson; required on a check, so absences are planned for. */
              absent: text.optional(),
              /** Printable materials the activity uses (tracks/materials/<id>.yml); the page links each. */
              handouts: z.array(slug).default([]),
            }),
          )
          .min(2),
        optOut: text,
        /** What to print and get ready before the lesson: a printed thing names its page (prepareItem). */
        prepare: z.array(prepareItem).default([]),
        uses: z.array(slug).default([]),
      }),
    )
    .min(5)
    .max(6),
});

export const trackFile = z.discriminatedUnion("kind", [workshopTrack, selfPacedTrack, schoolTrack]);
export type TrackFile = z.infer<typeof trackFile>;

const isoDay = z
  .union([z.string(), z.date()])
  .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "write the date as YYYY-MM-DD"));

/** The kinds of route a country can list, in the order the help page groups them. */
export const CHANNEL_KINDS = ["report", "worried", "exit", "crisis", "child", "hate", "self"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * One route (a line, a form, a service), checked on its own official page. `source.url` is
 * optional here only so that lib/content/channels.ts can refuse an entry without it by name,
 * with a message that says what to add, rather than zod's generic one.
 */
export const channelEntry = z.strictObject({
  /** A slug, so that another kind (usually `self`) can list this entry with `see: <id>`. */
  id: slug.optional(),
  name: text,
  phone: text.optional(),
  url: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i, "write the web address without https://, e.g. gov.uk/ACT").optional(),
  /** Who picks up or reads the report, in plain words (for example: "specially trained police officers"). */
  whoAnswers: text.optional(),
  /** What happens after someone calls, writes or fills in the form. */
  whatHappens: text.optional(),
  hours: text.optional(),
  note: text.optional(),
  source: z
    .strictObject({
      url: z.url({ protocol: /^https$/, error: "must be an https:// address" }).optional(),
      title: text.optional(),
      /** Why the confidence is what it is, e.g. which page confirmed the number. */
      note: text.optional(),
    })
    .optional(),
  lastVerified: isoDay,
  /** high: the number or address is quoted on the official page; medium: only a secondary page confirms it. */
  confidence: z.enum(["high", "medium"]),
});
export type ChannelEntryFile = z.infer<typeof channelEntry>;

/** An entry defined under another kind of the same country, listed here too. */
const channelRef = z.strictObject({ see: slug });
/** Reference first: lib/content/extras.ts reads a failed union's issues in this order. */
const routeList = z.array(z.union([channelRef, channelEntry])).default([]);

/** Reporting channels and support routes per country, each entry with its own source and date. */
export const channelsFile = z.strictObject({
  /** Shown for countries not listed: how to reach emergency services anywhere. */
  unknownCountry: z.strictObject({ emergencyNote: text, reportNote: text }),
  countries: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Z]{2}$|^EU$/, "use the two-letter country code (or EU)"),
        name: text,
        emergency: z.array(z.string().regex(/^[0-9 ]{3,6}$/)).min(1),
        report: routeList,
        worried: routeList,
        exit: routeList,
        crisis: routeList,
        child: routeList,
        hate: routeList,
        self: routeList,
        /** Plain-words advice for a kind where the right person is local (a school's safeguarding lead). */
        advice: z.partialRecord(z.enum(CHANNEL_KINDS), text).default({}),
        /** How sure we are of the emergency numbers; each entry carries its own confidence. */
        confidence: z.enum(["high", "medium"]),
        note: text.optional(),
        /** Where the emergency numbers and the country's note were checked. */
        source: source,
        lastVerified: isoDay,
      }),
    )
    .min(1),
});
export type ChannelsFile = z.infer<typeof channelsFile>;

/**
 * attitudes.yml: statements rated 1 (strongly disagree) to 5 (strongly agree) at the starting and
 * final checks, optional and anonymous. They ask how ready people feel to respond, never about
 * their own beliefs (lib/content/attitudes.ts holds that rule).
 */
export const attitudeFile = z.strictObject({
  items: z
    .array(z.strictObject({ id: slug, statement: text.max(160, "keep a statement under 160 characters: one idea, plainly put") }))
    .min(4, "ask at least 4 statements, so one answer says little on its own")
    .max(6, "ask at most 6 statements: they are optional extras after a check"),
});
export type AttitudeFile = z.infer<typeof attitudeFile>;
