// The room view's progress: per lesson of the plan, how many finished it and how many learners'
// best scores fall in each band, with no name, no nickname and no row per person, so the screen
// can be projected. Pure: a function of the roster the data layer read.
import type { PlanLesson } from "./plan";
import { scoreBand, type ScoreBand } from "./score-bands";

/**
 * Below this many learners with a score on a lesson, its bands stay hidden: in a room of three,
 * "1 below 50 %" points at someone (the same line as the group's learning figures).
 */
export const ROOM_MIN_SCORES = 5;

export interface RoomLesson extends PlanLesson {
  completed: number;
  /** Learners with a best score on this lesson's quiz. */
  scored: number;
  /** Learners per band; null below `minScores` scores. */
  bands: Record<ScoreBand, number> | null;
}

export interface RoomProgressView {
  learners: number;
  minScores: number;
  modules: { number: number; title: string }[];
  lessons: RoomLesson[];
}

interface RosterLike {
  modules: { number: number; title: string }[];
  lessons: (PlanLesson & { completed: number })[];
  learners: { cells: Record<string, { done: boolean; bestPercent: number | null }> }[];
}

export function summariseProgress(roster: RosterLike, minScores = ROOM_MIN_SCORES): RoomProgressView {
  const lessons = roster.lessons.map((l) => {
    const scores = roster.learners.flatMap((p) => (p.cells[l.id]?.bestPercent ?? null) ?? []);
    const bands: Record<ScoreBand, number> = { high: 0, mid: 0, low: 0 };
    for (const s of scores) bands[scoreBand(s)]++;
    // Field by field, so nothing a roster lesson may one day hold about a person reaches the room.
    const { id, title, module, number, completed } = l;
    return { id, title, module, number, completed, scored: scores.length, bands: scores.length >= minScores ? bands : null };
  });
  return { learners: roster.learners.length, minScores, modules: roster.modules, lessons };
}
