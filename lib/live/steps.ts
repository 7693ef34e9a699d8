// What a live workshop session can put on the projector, one step at a time, and the running
// order a workshop plan turns into. Steps hold only addresses into the content (the typed activity
// ids of lib/content/activity-id.ts), never its text or keys: the text is looked up when a view
// is drawn (lib/live/content.ts), so a stored session never carries a key to anyone.
//
// Pure: no I/O. The content a plan names is passed in as a LiveContent.
import { formatActivityId, type CheckActivity, type QuestionActivity } from "@/lib/content/activity-id";
import type { Scenario } from "@/lib/scenario/graph";
import type { Question } from "@/lib/quiz/types";
import type { CheckSlot } from "@/lib/quiz/experiments";

/** The plan's words for the facilitator alone: the part's title, its minutes and what to say. */
export interface PlanNote {
  part: string;
  title: string;
  minutes: number;
  /** Markdown: the part's facilitator notes ("say ..."). */
  say: string;
}

interface StepBase {
  /** Unique in a running order and stable when the order is changed; answers are kept under it. */
  key: string;
  plan?: PlanNote;
}

export type LobbyStep = StepBase & { kind: "lobby" };
/** A lesson-quiz question: single, multiple, true-false, sort (and single-choice story questions). */
export type QuestionStep = StepBase & { kind: "question"; ref: QuestionActivity };
/** A lesson's branching scenario: the room votes at each decision. */
export type ScenarioStep = StepBase & { kind: "scenario"; course: string; lesson: string; scenario: string };
/** A discern question: its posts one by one, the room marks each. */
export type DiscernmentStep = StepBase & { kind: "discernment"; ref: QuestionActivity };
/** The starting or final check: each phone takes it on its own (group sessions only). */
export type CheckStep = StepBase & { kind: "check"; ref: CheckActivity };
/** A discussion prompt from the plan: text only, nothing is answered. */
export type DiscussionStep = StepBase & { kind: "discussion"; track: string; part: string; index: number };

export type Step = LobbyStep | QuestionStep | ScenarioStep | DiscernmentStep | CheckStep | DiscussionStep;
export type StepKind = Step["kind"];
/** A step before its key is set (Omit on each member of the union, not on the union). */
export type UnkeyedStep = Step extends infer S ? (S extends Step ? Omit<S, "key"> : never) : never;

/** The content a session paces, looked up by address. Undefined: the content no longer has it. */
export interface LiveContent {
  question(ref: QuestionActivity): Question | undefined;
  scenario(course: string, scenario: string): Scenario | undefined;
  /** A discussion's question and prompts, from a workshop plan's part. */
  discussion(track: string, part: string, index: number): { question: string; prompts: string[] } | undefined;
  /** Question ids of a lesson's quiz that are versions of a bias-check pair. */
  pairedQuestions(course: string, lesson: string): ReadonlySet<string>;
}

/** The parts of a workshop plan this module reads (lib/content/schema.ts workshopTrack). */
export interface WorkshopPlan {
  id: string;
  kind: "workshop";
  course: string;
  parts: readonly {
    id: string;
    title: string;
    minutes: number;
    lessons: readonly string[];
    scenario?: string;
    assessment?: CheckSlot;
    facilitatorNotes: string;
    discussion: readonly { question: string; prompts: readonly string[] }[];
  }[];
}

/** A lesson of the plan's course, with its quiz's questions and its scenario (what a plan's part uses). */
export interface PlanLesson {
  id: string;
  questions: readonly Pick<Question, "id" | "type">[];
  scenario?: string;
}

export const LOBBY: LobbyStep = { kind: "lobby", key: "lobby" };

/** The key of a step from its address: the same content always has the same key. */
export function stepKey(step: UnkeyedStep): string {
  switch (step.kind) {
    case "lobby":
      return "lobby";
    case "question":
    case "discernment":
      return `${step.kind}:${formatActivityId(step.ref)}`;
    case "scenario":
      return `scenario:${formatActivityId({ kind: "lesson", course: step.course, lesson: step.lesson })}/${step.scenario}`;
    case "check":
      return `check:${step.ref.slot}`;
    case "discussion":
      return `discussion:${step.track}/${step.part}/${step.index}`;
  }
}

/** A step with its key set from its address. */
export function keyed(step: UnkeyedStep): Step {
  return { ...step, key: stepKey(step) } as Step;
}

/**
 * The steps of a lesson's quiz a room can answer together: every question but the versions of a
 * bias-check pair, which are shown one per learner by design (a room would see one version and
 * spoil the comparison the group's report makes). Discern questions become discernment rounds.
 */
export function quizSteps(course: string, lesson: PlanLesson, paired: ReadonlySet<string>, plan?: PlanNote): Step[] {
  return lesson.questions
    .filter((q) => !paired.has(q.id))
    .map((q) => {
      const ref: QuestionActivity = { kind: "question", course, quiz: { kind: "lesson", lesson: lesson.id }, question: q.id };
      return keyed({ kind: q.type === "discern" ? "discernment" : "question", ref, ...(plan ? { plan } : {}) });
    });
}

/**
 * A workshop plan's running order: the lobby, then each part in order: its check, each of its
 * lessons' questions, its scenario, its discussions. Every step carries its part's title, minutes
 * and notes for the facilitator's screen.
 */
export function runningOrderFromPlan(plan: WorkshopPlan, lessons: (id: string) => PlanLesson | undefined, paired: (lesson: string) => ReadonlySet<string>): Step[] {
  const order: Step[] = [LOBBY];
  for (const part of plan.parts) {
    const note: PlanNote = { part: part.id, title: part.title, minutes: part.minutes, say: part.facilitatorNotes };
    if (part.assessment) order.push(keyed({ kind: "check", ref: { kind: "check", course: plan.course, slot: part.assessment }, plan: note }));
    const found = part.lessons.flatMap((id) => lessons(id) ?? []);
    for (const lesson of found) order.push(...quizSteps(plan.course, lesson, paired(lesson.id), note));
    if (part.scenario) {
      const holder = found.find((l) => l.scenario === part.scenario);
      if (holder) order.push(keyed({ kind: "scenario", course: plan.course, lesson: holder.id, scenario: part.scenario, plan: note }));
    }
    part.discussion.forEach((_, index) => order.push(keyed({ kind: "discussion", track: plan.id, part: part.id, index, plan: note })));
  }
  return dedupe(order);
}

/** The first of each key (a lesson listed twice in a plan would repeat its questions). */
function dedupe(order: Step[]): Step[] {
  const seen = new Set<string>();
  return order.filter((s) => !seen.has(s.key) && Boolean(seen.add(s.key)));
}

/** Whether a step still names content that exists (a session can outlive a content change). */
export function stepExists(step: Step, content: LiveContent): boolean {
  switch (step.kind) {
    case "lobby":
    case "check":
      return true;
    case "question": {
      const q = content.question(step.ref);
      return Boolean(q && q.type !== "discern");
    }
    case "discernment":
      return content.question(step.ref)?.type === "discern";
    case "scenario":
      return content.scenario(step.course, step.scenario) !== undefined;
    case "discussion":
      return content.discussion(step.track, step.part, step.index) !== undefined;
  }
}
