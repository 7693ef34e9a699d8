"use client";
// Moving progress between this browser and a signed-in account. The reads go through the app's
// query client (fetchQuery), so what sign-in loads is what the dashboard then shows.
import { apiGet, apiSend, ApiError } from "@/components/api/api";
import { queryKeys } from "@/components/api/query-keys";
import { queryClient } from "@/components/api/query-client";
import { clearOutbox, flush, keepOnlyAccount, sendWithin } from "./outbox";
import { setAccountMarker, setSignedInHint, type HintRole } from "./account-hint";
import { readSession } from "./session-role";
import { clearProgress, readProgress, replaceProgress, type GuestProgress } from "./guest-progress";
import { clearAttempts } from "./quiz-attempt";
import { clearArms } from "./arms";
import type { DashboardData } from "./dashboard-types";
import { progressKey, type ProgressActivity } from "@/lib/content/activity-id";

/** The learner's record, after the answers still waiting in the outbox (they count too). */
export async function fetchDashboard(locale: string, signal?: AbortSignal): Promise<DashboardData> {
  await flush();
  return apiGet<DashboardData>(`/api/progress?locale=${encodeURIComponent(locale)}`, signal);
}

/**
 * Just before signing in (the session cookie may change to another account's): the outbox stops
 * sending writes marked as any account's until syncAfterSignIn says whose session this is.
 */
export function beforeSignIn() {
  setAccountMarker("");
}

/**
 * After sign-in or sign-up: record the role and the account's marker, drop writes another account
 * left waiting in this browser (never sent as this one, and not kept for anyone to see), send what
 * the guest did here, then cache the account's record. Returns the role (null if the session could
 * not be read).
 */
export async function syncAfterSignIn(locale: string): Promise<HintRole | null> {
  const session = await readSession();
  const role = session === undefined ? undefined : (session?.role ?? null);
  setSignedInHint(role ?? true);
  if (session) {
    setAccountMarker(session.marker);
    await keepOnlyAccount(session.marker);
    void flush();
  }
  const local = readProgress();
  const lessons = Object.fromEntries(
    Object.entries(local.lessons).map(([k, v]) => [k, { doneAt: v.doneAt, bestPercent: v.bestPercent, lastPercent: v.lastPercent, attempts: v.attempts }]),
  );
  if (Object.keys(lessons).length > 0) {
    try {
      await apiSend("POST", "/api/progress/merge", { lessons });
    } catch (e) {
      // The form's own words for a failure (its fallback), not the server's details about lessons.
      if (e instanceof ApiError) throw new ApiError("", e.status);
      throw e;
    }
  }
  await refreshFromServer(locale);
  return role ?? null;
}

/** Loads the account's record into the browser cache that static pages read. */
export async function refreshFromServer(locale: string): Promise<void> {
  try {
    const view = await queryClient().fetchQuery({ queryKey: queryKeys.dashboard(locale), queryFn: ({ signal }) => fetchDashboard(locale, signal), staleTime: 0, retry: false });
    cacheDashboard(locale, view);
  } catch {
    // The account is signed in either way; the cache fills on the dashboard's next read.
  }
}

export function cacheDashboard(locale: string, view: DashboardData) {
  const current = readProgress();
  const lessons: GuestProgress["lessons"] = {};
  for (const course of view.courses) {
    const scored = (ref: ProgressActivity, score: { latestPercent: number | null; bestPercent: number | null; at: string | null } | null) => {
      if (!score) return;
      lessons[progressKey(locale, ref)] = {
        doneAt: score.at ?? undefined,
        bestPercent: score.bestPercent ?? undefined,
        lastPercent: score.latestPercent ?? undefined,
        attempts: 1,
      };
    };
    scored({ kind: "check", course: course.id, slot: "pre" }, course.assessments?.pre ?? null);
    scored({ kind: "check", course: course.id, slot: "post" }, course.assessments?.post ?? null);
    for (const b of course.boosters) scored({ kind: "booster", course: course.id, booster: b.id }, b.score);
    for (const mod of course.modules) {
      for (const l of mod.lessons) {
        if (!l.completedAt && l.attempts === 0) continue;
        lessons[progressKey(locale, { kind: "lesson", course: course.id, lesson: l.id })] = {
          doneAt: l.completedAt ?? undefined,
          bestPercent: l.bestPercent ?? undefined,
          lastPercent: l.latestPercent ?? undefined,
          attempts: l.attempts,
        };
      }
    }
  }
  replaceProgress({ version: 1, lessons, last: current.last });
}

/**
 * Before signing out: sends the answers still waiting (for a few seconds at most) and returns how
 * many could not go. The sign-out screen warns that signing out now loses them: they are never
 * kept for a later visit, since the next person at a shared computer must find nothing of them.
 */
export function sendBeforeSignOut(): Promise<number> {
  return sendWithin(5000);
}

/**
 * Signs out and leaves nothing personal in this browser (shared devices in halls and schools):
 * the outbox is emptied too, whatever still waits (call sendBeforeSignOut first), then opens `to`
 * (the home page; after deleting the account, the page that confirms it).
 */
export async function signOutHere(locale: string, to = `/${locale}`): Promise<void> {
  await clearOutbox();
  clearProgress();
  clearAttempts();
  clearArms();
  setSignedInHint(false);
  // Loaded here, not at the top: next-auth's client (about 10 KB gzip) is needed on no page
  // until someone signs out.
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl: to });
}
