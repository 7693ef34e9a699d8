// The hall export (issue #26): a group's records on a hall laptop, for its owner or co-owner to
// carry to the organisation's server (lib/hall/import.ts). Only what that server needs: the
// members' ids and nicknames, their lessons done, quiz attempts and answers in the group's course,
// and their experiment arms (so checks keep their order). No email, login name, password hash,
// device, "Your views" answer or anything of another course or group.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { cohortFor } from "@/lib/cohorts/access";
import { HALL_FORMAT, HALL_FORMAT_VERSION, type HallExport } from "./format";

const num = (v: number | string | null) => (v === null ? null : Number(v));

export async function exportHallGroup(handle: Db, actor: SessionUser, cohortId: string, at = new Date()): Promise<HallExport> {
  const cohort = await cohortFor(handle, actor, cohortId, "manage");
  const { db } = handle;
  const members = db.selectFrom("cohort_members").select("user_id").where("cohort_id", "=", cohort.id);
  const [learners, completions, attempts, responses, arms] = await Promise.all([
    db
      .selectFrom("cohort_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.id", "u.display_name", "m.joined_at"])
      .where("m.cohort_id", "=", cohort.id)
      .orderBy("m.joined_at")
      .orderBy("u.id")
      .execute(),
    db.selectFrom("lesson_completions").selectAll().where("user_id", "in", members).where("course_id", "=", cohort.course_id).orderBy("completed_at").execute(),
    db.selectFrom("quiz_attempts").selectAll().where("user_id", "in", members).where("course_id", "=", cohort.course_id).orderBy("started_at").orderBy("id").execute(),
    db
      .selectFrom("quiz_responses as r")
      .innerJoin("quiz_attempts as a", "a.id", "r.attempt_id")
      .selectAll("r")
      .where("a.user_id", "in", members)
      .where("a.course_id", "=", cohort.course_id)
      .orderBy("r.answered_at")
      .orderBy("r.id")
      .execute(),
    db.selectFrom("experiment_arms").selectAll().where("user_id", "in", members).where("course_id", "=", cohort.course_id).orderBy("user_id").orderBy("experiment").execute(),
  ]);
  return {
    format: HALL_FORMAT,
    version: HALL_FORMAT_VERSION,
    exportedAt: at.toISOString(),
    group: { id: cohort.id, name: cohort.name, courseId: cohort.course_id, locale: cohort.locale },
    learners: learners.map((l) => ({ id: l.id, displayName: l.display_name, joinedAt: l.joined_at })),
    completions: completions.map((c) => ({ userId: c.user_id, courseId: c.course_id, lessonId: c.lesson_id, completedAt: c.completed_at, locale: c.locale })),
    attempts: attempts.map((a) => ({
      id: a.id,
      userId: a.user_id,
      courseId: a.course_id,
      lessonId: a.lesson_id,
      quizId: a.quiz_id,
      startedAt: a.started_at,
      finishedAt: a.finished_at,
      score: num(a.score),
      source: a.source as "app" | "guest" | "live",
      contentVersion: a.content_version,
      answerSummary: a.answer_summary,
      locale: a.locale,
    })),
    responses: responses.map((r) => ({
      id: r.id,
      attemptId: r.attempt_id,
      userId: r.user_id,
      questionId: r.question_id,
      skill: r.skill,
      chosen: JSON.parse(r.chosen) as string[],
      points: Number(r.points),
      correct: Number(r.correct) ? 1 : 0,
      answeredAt: r.answered_at,
      locale: r.locale,
    })),
    arms: arms.map((a) => ({ userId: a.user_id, courseId: a.course_id, experiment: a.experiment, arm: a.arm, assignedAt: a.assigned_at })),
  };
}
