// The one next thing a group asks of a learner, for the group's "what now" screen. Pure: the
// query (learner-group.ts) reads the facts, this decides, and the tests hold the order.
//
// The order: the starting check comes first when the plan has one, because it measures what the
// learner knew before any lesson and is worthless after one; then what the facilitator set, the
// earliest due first; then the plan's next unfinished lesson; and when nothing is left, the
// facilitator says what comes next.

export interface DueItem {
  activityId: string;
  title: string;
  href: string;
  /** null: the facilitator chose "no due date". */
  dueAt: string | null;
  done: boolean;
  /** The learner has begun it (an attempt at its quiz or check): the button says "Continue". */
  begun: boolean;
}

export interface PlanLesson {
  id: string;
  title: string;
  href: string;
  done: boolean;
  begun: boolean;
}

export interface GroupFacts {
  /** The plan opens with the starting check and the course has its forms. */
  planHasPre: boolean;
  pre: { href: string; done: boolean; begun: boolean };
  /** The group's assignments, earliest due first. */
  due: DueItem[];
  /** The plan's lessons in order. */
  lessons: PlanLesson[];
}

export type NextThing =
  | { kind: "pre"; href: string; begun: boolean }
  | { kind: "assignment"; activityId: string; title: string; href: string; dueAt: string | null; begun: boolean }
  /** `number`: the lesson's place in the plan, from 1. */
  | { kind: "lesson"; lessonId: string; title: string; href: string; begun: boolean; number: number }
  | { kind: "wait" };

export const PRE_ACTIVITY = "assessment-pre";

export function nextThing(facts: GroupFacts): NextThing {
  if (facts.planHasPre && !facts.pre.done) return { kind: "pre", href: facts.pre.href, begun: facts.pre.begun };
  const due = facts.due.find((d) => !d.done);
  if (due) {
    // An assigned starting check is the check: the same screen whether the plan or the facilitator asked for it.
    if (due.activityId === PRE_ACTIVITY) return { kind: "pre", href: due.href, begun: due.begun };
    return { kind: "assignment", activityId: due.activityId, title: due.title, href: due.href, dueAt: due.dueAt, begun: due.begun };
  }
  const at = facts.lessons.findIndex((l) => !l.done);
  const lesson = facts.lessons[at];
  if (lesson) return { kind: "lesson", lessonId: lesson.id, title: lesson.title, href: lesson.href, begun: lesson.begun, number: at + 1 };
  return { kind: "wait" };
}

/** The activity id the next thing stands for, so "the rest" does not list it twice. */
export function nextActivityId(next: NextThing): string | undefined {
  return next.kind === "pre" ? PRE_ACTIVITY : next.kind === "assignment" ? next.activityId : next.kind === "lesson" ? next.lessonId : undefined;
}
