// Messages between a page and the service worker about saved courses (app/sw.ts answers them,
// components/offline/sw-client.ts asks). Types only and one constant: safe in both.
import type { OfflinePage } from "./course-pages";

export const OFFLINE_MESSAGE = "cg-offline";

export type OfflineRequest =
  | { type: typeof OFFLINE_MESSAGE; action: "status"; locale: string; course: string }
  | { type: typeof OFFLINE_MESSAGE; action: "save"; locale: string; course: string; country: string | null }
  | { type: typeof OFFLINE_MESSAGE; action: "remove"; locale: string; course: string }
  | { type: typeof OFFLINE_MESSAGE; action: "list" };

/** A course as saved on this device: what the offline page lists, and its size. */
export interface SavedCourse {
  locale: string;
  course: string;
  title: string;
  pages: OfflinePage[];
  help: { code: string; name: string; href: string } | null;
  /** The saved pages' size in bytes (the app shell, shared by every course, is not counted). */
  bytes: number;
}

export type OfflineReply =
  | { kind: "saved"; course: SavedCourse }
  | { kind: "not-saved"; bytes: number; help: { code: string; name: string; bytes: number }[] }
  | { kind: "unavailable" }
  | { kind: "progress"; done: number; total: number }
  | { kind: "removed" }
  | { kind: "list"; courses: SavedCourse[] }
  | { kind: "failed" };
