import type { Track } from "@/lib/content";

export type WorkshopTrack = Extract<Track, { kind: "workshop" }>;
export type SelfPacedTrack = Extract<Track, { kind: "self-paced" }>;
export type SchoolTrack = Extract<Track, { kind: "school" }>;

/** Titles of what a track points at in its course, looked up by id. */
export interface TrackNames {
  lessons: Record<string, string>;
  modules: Record<string, string>;
  scenarios: Record<string, string>;
  boosters: Record<string, string>;
}
