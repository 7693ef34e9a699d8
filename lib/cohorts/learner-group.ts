// A group as one of its learners sees it: the "what now" screen after joining. Only a member
// reaches it; anyone else (the group's facilitators included: they are not its learners) gets
// "not found", so a guessed id does not even reveal the group's name.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { findActivityQuiz, getCourse, getLesson, getTrack, hasCheckForms } from "@/lib/content";
import { activityUrl, parseProgressActivity, type ProgressActivity } from "@/lib/content/activity-id";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { planAssignments } from "@/lib/content/plan";
import { byDueThenPlan } from "./queries";
import { learnerPlan } from "./plan";
import { nextThing, PRE_ACTIVITY, type DueItem, type NextThing } from "./group-next";

/**
 * A lesson's or a booster's title. A check slot has none of its own (it is taken on one of two
 * forms, each with its title): the screens name the slot.
 */
export function activityTitle(locale: string, ref: ProgressActivity): string | undefined {
  if (ref.kind === "lesson") return getLesson(locale, ref.course, ref.lesson)?.title;
  return findActivityQuiz(locale, ref)?.quiz.title;
}

/** Where an assigned activity lives, and its title (a check slot has none of its own: two forms). */
export function activityLink(locale: string, courseId: string, activityId: string): { title: string; href: string } {
  const ref = parseProgressActivity(courseId, activityId);
  if (!ref) return { title: activityId, href: `/${locale}/courses/${courseId}` };
  return { title: activityTitle(locale, ref) ?? activityId, href: activityUrl(ref, locale) };
}

export interface LearnerGroupView {
  id: string;
  name: string;
  /** The course the group follows, for "look through the course" while there is nothing to do. */
  courseHref: string;
  next: NextThing;
  /** Everything the facilitator set, earliest due first (the next thing among them). */
  due: DueItem[];
  /** The plan's lessons done, of how many. */
  lessonsDone: number;
  lessonsTotal: number;
}

export async function learnerGroup(handle: Db, actor: SessionUser, cohortId: string): Promise<LearnerGroupView> {
  const group = z.uuid().safeParse(cohortId).success
    ? await handle.db
        .selectFrom("cohorts as c")
        .innerJoin("cohort_members as m", (j) => j.onRef("m.cohort_id", "=", "c.id").on("m.user_id", "=", actor.id))
        .select(["c.id", "c.name", "c.locale", "c.course_id", "c.track_id"])
        .where("c.id", "=", cohortId)
        // An archived group is gone from the learner's dashboard too (myAssignments).
        .where("c.archived_at", "is", null)
        .executeTakeFirst()
    : undefined;
  if (!group) {
    log("auth.denied", { userId: actor.id, reason: "not a member of the cohort" });
    throw new AppError("not_found", "notFound.group");
  }
  const [assignments, activity, completions] = await Promise.all([
    handle.db.selectFrom("assignments").select(["activity_id", "due_at"]).where("cohort_id", "=", group.id).execute(),
    // Per activity of the course: whether this learner finished an attempt, began one, or marked the lesson done.
    handle.db
      .selectFrom("quiz_attempts")
      .select((eb) => ["lesson_id", eb.fn.count<number>("finished_at").as("finished")])
      .where("user_id", "=", actor.id)
      .where("course_id", "=", group.course_id)
      .groupBy("lesson_id")
      .execute(),
    handle.db.selectFrom("lesson_completions").select("lesson_id").where("user_id", "=", actor.id).where("course_id", "=", group.course_id).execute(),
  ]);
  const finished = new Set(activity.filter((a) => Number(a.finished) > 0).map((a) => a.lesson_id));
  const begun = new Set([...activity.map((a) => a.lesson_id), ...completions.map((c) => c.lesson_id)]);
  const completed = new Set(completions.map((c) => c.lesson_id));
  const done = (id: string) => completed.has(id) || finished.has(id);

  const { locale, course_id: courseId } = group;
  const track = getTrack(locale, group.track_id);
  const plan = learnerPlan(track, getCourse(locale, courseId));
  // Dated work first, soonest first; then undated work in the plan's order (a school class starts
  // with its plan's lessons set and no dates), so the next thing is the plan's next step.
  const planOrder = track ? planAssignments(track).map((a) => a.activityId) : [];
  const orderOf = (id: string) => (planOrder.includes(id) ? planOrder.indexOf(id) : Number.MAX_SAFE_INTEGER);
  const due: DueItem[] = assignments
    .map((a) => ({ activityId: a.activity_id, ...activityLink(locale, courseId, a.activity_id), dueAt: a.due_at, done: done(a.activity_id), begun: begun.has(a.activity_id), order: orderOf(a.activity_id) }))
    .sort((a, b) => byDueThenPlan(a, b) || a.activityId.localeCompare(b.activityId))
    .map(({ order: _order, ...d }) => d);
  const lessons = plan.lessons.map((l) => ({ id: l.id, title: l.title, href: `/${locale}/courses/${courseId}/${l.id}`, done: done(l.id), begun: begun.has(l.id) }));
  const next = nextThing({
    planHasPre: plan.hasPre && hasCheckForms(locale, courseId),
    pre: { href: activityLink(locale, courseId, PRE_ACTIVITY).href, done: finished.has(PRE_ACTIVITY), begun: begun.has(PRE_ACTIVITY) },
    due,
    lessons,
  });
  return { id: group.id, name: group.name, courseHref: `/${locale}/courses/${courseId}`, next, due, lessonsDone: lessons.filter((l) => l.done).length, lessonsTotal: lessons.length };
}
