// Who may receive the course's certificate: a learner who finished it, meaning every lesson the
// self-paced route counts towards finishing (lib/progress/self-paced.ts: what comes before the
// final check), and the final check where their track has one. Their track is their group's for
// this course, or the self-paced route when they are in no group of it. One statement reads the
// facts; the decision is a pure function of them (tested with tables of cases).
import "server-only";
import { sql } from "kysely";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { getCourse, getTracks, hasCheckForms, type Track } from "@/lib/content";
import { formatActivityId } from "@/lib/content/activity-id";
import { selfPacedCourse } from "@/lib/progress/self-paced";

export interface Eligibility {
  courseId: string;
  courseTitle: string;
  lessonsDone: number;
  lessonsTotal: number;
  /** Whether their track has a final check, and whether they took it. */
  postRequired: boolean;
  postDone: boolean;
  eligible: boolean;
  /** When they finished (the last of the lessons and the check), once eligible. */
  completedAt: string | null;
  /** Their certificate for the course, once issued. */
  credentialId: string | null;
}

/** Whether a track puts the course's final check in its plan. */
export function trackHasPostCheck(track: Track): boolean {
  switch (track.kind) {
    case "self-paced":
      return track.steps.some((s) => s.type === "assessment" && s.id === "post");
    case "workshop":
      return track.parts.some((p) => p.assessment === "post");
    case "school":
      return track.lessons.some((l) => l.activities.some((a) => a.assessment === "post"));
  }
}

export interface EligibilityFacts {
  requiredLessons: readonly string[];
  /** The tracks that apply to the learner (their groups' for the course, or the self-paced route). */
  tracks: readonly Track[];
  courseHasChecks: boolean;
  completions: ReadonlyMap<string, string>;
  /** When the first final check was finished, or null. */
  postAt: string | null;
}

/** The pure decision. */
export function decide(f: EligibilityFacts): Pick<Eligibility, "lessonsDone" | "lessonsTotal" | "postRequired" | "postDone" | "eligible" | "completedAt"> {
  const done = f.requiredLessons.filter((l) => f.completions.has(l));
  const postRequired = f.courseHasChecks && f.tracks.some(trackHasPostCheck);
  const postDone = f.postAt !== null;
  const eligible = f.requiredLessons.length > 0 && done.length === f.requiredLessons.length && (!postRequired || postDone);
  const times = [...done.map((l) => f.completions.get(l)!), ...(postRequired && f.postAt ? [f.postAt] : [])];
  return {
    lessonsDone: done.length,
    lessonsTotal: f.requiredLessons.length,
    postRequired,
    postDone,
    eligible,
    completedAt: eligible ? times.reduce((a, b) => (a > b ? a : b), "") || null : null,
  };
}

interface Row {
  kind: "lesson" | "post" | "track" | "credential";
  item: string | null;
  at: string | null;
}

/** The learner's standing for the course's certificate, in one statement; undefined for an unknown course. */
export async function courseEligibility(handle: Db, actor: SessionUser, locale: string, courseId: string): Promise<Eligibility | undefined> {
  const course = getCourse(locale, courseId);
  const route = selfPacedCourse(locale, courseId);
  if (!course || !route) return undefined;
  const postId = formatActivityId({ kind: "check", course: courseId, slot: "post" });
  const { rows } = await sql<Row>`
    select 'lesson' as kind, lesson_id as item, completed_at as at from lesson_completions
      where user_id = ${actor.id} and course_id = ${courseId}
    union all
    select 'post', null, min(finished_at) from quiz_attempts
      where user_id = ${actor.id} and course_id = ${courseId} and lesson_id = ${postId} and finished_at is not null
    union all
    select 'track', c.track_id, null from cohort_members m join cohorts c on c.id = m.cohort_id
      where m.user_id = ${actor.id} and c.course_id = ${courseId}
    union all
    select 'credential', id, issued_at from credentials
      where user_id = ${actor.id} and award_key = ${completionKey(courseId)} and issued_at is not null
  `.execute(handle.db);
  const completions = new Map(rows.filter((r) => r.kind === "lesson" && r.item && r.at).map((r) => [r.item!, r.at!]));
  const postAt = rows.find((r) => r.kind === "post")?.at ?? null;
  const all = getTracks(locale).filter((t) => t.course === courseId);
  const groupTracks = rows.filter((r) => r.kind === "track").flatMap((r) => all.filter((t) => t.id === r.item));
  const tracks = groupTracks.length ? groupTracks : all.filter((t) => t.kind === "self-paced");
  const decided = decide({ requiredLessons: route.lessons.filter((l) => l.core).map((l) => l.id), tracks, courseHasChecks: hasCheckForms(locale, courseId), completions, postAt });
  return { courseId, courseTitle: course.title, ...decided, credentialId: rows.find((r) => r.kind === "credential")?.item ?? null };
}

/** The award key of a course's completion: one per person and course. */
export const completionKey = (courseId: string) => `completed:${courseId}`;
/** The award key of a group's workshop on a day: one per person, group and day. */
export const attendanceKey = (cohortId: string, day: string) => `attended:${cohortId}:${day}`;
