import type { Track } from "@/lib/content";

export type WorkshopTrack = Extract<Track, { kind: "workshop" }>;
export type SelfPacedTrack = Extract<Track, { kind: "self-paced" }>;
export type SchoolTrack = Extract<Track, { kind: "school" }>;

/** The course's two assessment forms, as a track's check slots name them. */
export type CheckForm = "pre" | "post";

/** Titles of what a track points at in its course, looked up by id. */
export interface TrackNames {
  lessons: Record<string, string>;
  modules: Record<string, string>;
  scenarios: Record<string, string>;
  boosters: Record<string, string>;
  /** The starting (pre) and final (post) check slots: title and number of questions shown, for the slots' links. */
  assessments: Partial<Record<CheckForm, { title: string; questions: number }>>;
  /** Printable materials of the track, by id: their titles, for the "Print: ..." links. */
  materials: Record<string, string>;
}
