// Runs every cell of the authorisation matrix (matrix.ts) against the real server: each page and
// each route handler method, tried by each of the six callers, must answer as the matrix says and
// show only the data it says. A refused call must also leave the world exactly as it was. Paths
// are locale-prefixed, so nothing here depends on proxy.ts (npm run test:matrix-no-proxy).
import fs from "node:fs";
import path from "node:path";
import { test as base, type APIRequestContext, type APIResponse } from "@playwright/test";
import { expect } from "../fixtures";
import { routePattern } from "./inventory";
import { ACTIONS, CALLERS, PAGES, PROBES, ROUTES, SUBJECTS, type Caller, type Cell, type PageEntry, type RouteEntry, type WorldIds } from "./matrix";
import { buildWorld, fingerprint, newAdmin, newContext, type Person, type World } from "./world";

const root = path.join(__dirname, "..", "..");

const test = base.extend<object, { workerBaseURL: string; admin: Person; sharedWorld: World }>({
  workerBaseURL: [async ({}, use, info) => use(String(info.project.use.baseURL)), { scope: "worker" }],
  admin: [
    async ({ workerBaseURL }, use) => {
      const admin = await newAdmin(workerBaseURL);
      await use(admin);
      await admin.ctx.dispose();
    },
    { scope: "worker", timeout: 60_000 },
  ],
  sharedWorld: [
    async ({ workerBaseURL, admin }, use) => {
      const world = await buildWorld(workerBaseURL, admin);
      await use(world);
      await world.dispose();
    },
    { scope: "worker", timeout: 60_000 },
  ],
});

const fill = (template: string, ids: WorldIds) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = (ids as unknown as Record<string, unknown>)[key];
    if (typeof value !== "string") throw new Error(`no world value for {${key}} in ${template}`);
    return encodeURIComponent(value);
  });

const locales = (JSON.parse(fs.readFileSync(path.join(root, "content", "locales.json"), "utf8")) as { locales: { code: string }[] }).locales.map((l) => l.code);

/** Every path the build prerendered for a page: all locales, all params, as the app generates them. */
function prerendered(file: string): string[] {
  const manifest = path.join(root, ".next", "prerender-manifest.json");
  if (!fs.existsSync(manifest)) throw new Error(`${manifest} is missing: build the app first (npm run build)`);
  const routes = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { routes: Record<string, { srcRoute?: string }> }).routes;
  const pattern = routePattern(file);
  const paths = Object.entries(routes)
    .filter(([, r]) => r.srcRoute === pattern)
    .map(([p]) => p)
    .sort();
  if (paths.length === 0) throw new Error(`the build prerendered no path for ${pattern}: is ${file} still static? If not, mark it params: "world" with a path`);
  return paths;
}

function pagePaths(entry: PageEntry, ids: WorldIds): string[] {
  if (entry.params === "static") return prerendered(entry.file);
  if (!entry.path) throw new Error(`${entry.file}: give a path`);
  return locales.map((locale) => fill(entry.path!, { ...ids, locale }));
}

/** The data checks every answer gets: what it must show, and everyone else's data it must not. */
function expectShows(body: string, cell: Cell, caller: Caller, world: World, where: string) {
  for (const subject of SUBJECTS) {
    if (subject === caller) continue;
    const markers = world.markers[subject];
    if (cell.shows?.includes(subject)) expect(markers.some((m) => body.includes(m)), `${where}: shows ${subject}'s data`).toBe(true);
    else expect(markers.filter((m) => body.includes(m)), `${where}: must not show ${subject}'s data`).toEqual([]);
  }
  if (cell.self && caller !== "anonymous") expect(body, `${where}: shows the caller's own name`).toContain(world.people[caller].name);
  if (cell.probe) {
    const [probe, expected] = cell.probe;
    expect(PROBES[probe](JSON.parse(body) as unknown), `${where}: ${probe}`).toBe(expected);
  }
}

async function callerContext(world: World, caller: Caller, baseURL: string): Promise<APIRequestContext> {
  return caller === "anonymous" ? newContext(baseURL) : world.people[caller].ctx;
}

async function send(ctx: APIRequestContext, entry: RouteEntry, ids: WorldIds): Promise<APIResponse> {
  const url = fill(entry.path, ids);
  if (entry.form) {
    const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
    return ctx.fetch(url, { method: entry.method, form: { csrfToken, ...entry.form(ids) }, maxRedirects: 0 });
  }
  return ctx.fetch(url, { method: entry.method, maxRedirects: 0, ...(entry.body ? { data: entry.body(ids) } : {}) });
}

const sessionId = async (ctx: APIRequestContext) => ((await (await ctx.get("/api/auth/session")).json()) as { user?: { id?: string } }).user?.id;
const exported = async (p: Person) => (await (await p.ctx.get("/api/account/export")).json()) as { lessonCompletions: { lesson_id: string }[]; quizAttempts: { id: string; finished_at: string | null }[]; quizResponses: unknown[] };

/** What a permitted change must really have done (checked in its fresh world). */
const EFFECTS: Record<string, (w: World, caller: Caller, ctx: APIRequestContext) => Promise<void>> = {
  "POST app/api/auth/[...nextauth]/route.ts": async (w, caller, ctx) => {
    expect(await sessionId(ctx), "a failed sign-in leaves the caller as they were").toBe(caller === "anonymous" ? undefined : w.people[caller].id);
  },
  "DELETE app/api/account/route.ts": async (w) => {
    expect((await w.people.learner.ctx.get("/api/account/export")).status(), "the deleted account's session is over").toBe(401);
  },
  "POST app/api/account/locale/route.ts": async (_w, _caller, ctx) => {
    const mine = (await (await ctx.get("/api/account/export")).json()) as { account: { locale: string | null } };
    expect(mine.account.locale, "the caller's own account holds the language").toBe("en");
  },
  "POST app/api/account/sign-out-everywhere/route.ts": async (w, caller, ctx) => {
    expect(await sessionId(ctx), "the caller is signed out").toBeUndefined();
    if (caller !== "learner") expect(await sessionId(w.people.learner.ctx), "the learner is still signed in").toBe(w.ids.learnerId);
  },
  "POST app/api/admin/facilitators/[facilitator]/suspend/route.ts": async (w) => {
    expect((await w.people.facilitator.ctx.get("/api/cohorts")).status(), "the suspended facilitator's session is over").toBe(401);
    expect((await w.people.admin.ctx.get(`/api/cohorts/${w.ids.cohortId}/roster`)).status(), "admins still read the cohort").toBe(200);
  },
  "DELETE app/api/cohorts/[cohort]/route.ts": async (w) => {
    expect((await w.people.facilitator.ctx.get(`/api/cohorts/${w.ids.cohortId}/roster`)).status()).toBe(404);
    expect(await sessionId(w.people.nickname.ctx), "the cohort's nickname account went with it").toBeUndefined();
    expect((await w.people.learner.ctx.get("/api/account/export")).status(), "an own account stays").toBe(200);
  },
  "POST app/api/cohorts/[cohort]/archive/route.ts": async (w) => {
    expect(((await (await w.people.facilitator.ctx.get(`/api/cohorts/${w.ids.cohortId}/roster`)).json()) as { cohort: { archived: boolean } }).cohort.archived).toBe(true);
  },
  "POST app/api/cohorts/[cohort]/assignments/route.ts": async (w) => {
    expect(JSON.stringify(await (await w.people.facilitator.ctx.get(`/api/cohorts/${w.ids.cohortId}/assignments`)).json())).toContain(w.ids.otherLessonId);
  },
  "DELETE app/api/cohorts/[cohort]/assignments/route.ts": async (w) => {
    expect(JSON.stringify(await (await w.people.facilitator.ctx.get(`/api/cohorts/${w.ids.cohortId}/assignments`)).json())).not.toContain(w.ids.doneLessonId);
  },
  "POST app/api/cohorts/[cohort]/learners/[learner]/reset-passphrase/route.ts": async (w) => {
    expect(await sessionId(w.people.nickname.ctx), "the reset ends the nickname learner's sessions").toBeUndefined();
  },
  "POST app/api/cohorts/[cohort]/invitations/route.ts": async (w) => {
    expect(await (await w.people.facilitator.ctx.get(`/api/cohorts/${w.ids.cohortId}/invitations`)).json()).toHaveLength(2);
  },
  "DELETE app/api/cohorts/[cohort]/invitations/[invitation]/route.ts": async (w) => {
    expect(await (await w.people.otherFacilitator.ctx.get("/api/invitations")).json(), "the invitee no longer sees it").toEqual([]);
    expect((await w.people.otherFacilitator.ctx.post(`/api/invitations/${w.ids.invitationId}/accept`, { data: {} })).status(), "nor can accept it").toBe(404);
  },
  "POST app/api/invitations/[invitation]/accept/route.ts": async (w) => {
    expect((await w.people.otherFacilitator.ctx.get(`/api/cohorts/${w.ids.cohortId}/roster`)).status(), "a co-facilitator from now on").toBe(200);
  },
  "DELETE app/api/invitations/[invitation]/route.ts": async (w) => {
    expect(await (await w.people.facilitator.ctx.get(`/api/cohorts/${w.ids.cohortId}/invitations`)).json(), "gone from the owner's list").toEqual([]);
    expect((await w.people.otherFacilitator.ctx.get(`/api/cohorts/${w.ids.cohortId}/roster`)).status(), "declining gives no access").toBe(404);
  },
  "POST app/api/join/route.ts": async (w, caller, ctx) => {
    expect(JSON.stringify(await (await ctx.get("/api/me/assignments")).json())).toContain(`Spare room ${w.ids.unique}`);
  },
  "POST app/api/progress/answers/route.ts": async (w) => expect((await exported(w.people.learner)).quizResponses).toHaveLength(2),
  "POST app/api/progress/attempts/finish/route.ts": async (w) => {
    expect((await exported(w.people.learner)).quizAttempts.find((a) => a.id === w.ids.attemptId)?.finished_at).toBeTruthy();
  },
  "POST app/api/progress/lessons/route.ts": async (w) => expect((await exported(w.people.learner)).lessonCompletions.map((c) => c.lesson_id)).toContain(w.ids.otherLessonId),
  "DELETE app/api/progress/lessons/route.ts": async (w) => expect((await exported(w.people.learner)).lessonCompletions.map((c) => c.lesson_id)).not.toContain(w.ids.doneLessonId),
  "POST app/api/progress/merge/route.ts": async (w) => expect((await exported(w.people.learner)).lessonCompletions.map((c) => c.lesson_id)).toContain(w.ids.otherLessonId),
  "POST app/api/attitudes/route.ts": async (w) => {
    const status = await (await w.people.learner.ctx.get(`/api/attitudes?courseId=${w.ids.courseId}&form=pre`)).json();
    expect(status).toEqual({ eligible: true, answered: true });
  },
};

test.describe("authorisation matrix: route handlers", () => {
  for (const entry of ROUTES) {
    for (const caller of CALLERS) {
      const cell = entry.cells[caller];
      test(`${entry.method} ${entry.path} · ${caller} → ${cell.status} (${entry.what})`, async ({ sharedWorld, admin, workerBaseURL }) => {
        const ownAdmin = cell.fresh && entry.freshAdmin && caller === "admin" ? await newAdmin(workerBaseURL) : undefined;
        const fresh = cell.fresh ? await buildWorld(workerBaseURL, ownAdmin ?? admin) : undefined;
        const world = fresh ?? sharedWorld;
        const ctx = await callerContext(world, caller, workerBaseURL);
        try {
          const res = await send(ctx, entry, world.ids);
          const body = await res.text();
          const where = `${caller}: ${entry.method} ${entry.path}`;
          expect(res.status(), `${where} answered ${body.slice(0, 200)}`).toBe(cell.status);
          expectShows(body, cell, caller, world, where);
          if (fresh) await EFFECTS[`${entry.method} ${entry.file}`]?.(world, caller, ctx);
          else expect(await fingerprint(world), `${where} changed the world`).toBe(world.baseline);
        } finally {
          if (caller === "anonymous") await ctx.dispose();
          await fresh?.dispose();
          await ownAdmin?.ctx.dispose();
        }
      });
    }
  }
});

test.describe("authorisation matrix: pages", () => {
  for (const entry of PAGES) {
    for (const caller of CALLERS) {
      const cell = entry.cells[caller];
      test(`${routePattern(entry.file)} · ${caller} → ${cell.status}`, async ({ sharedWorld, workerBaseURL }) => {
        const ctx = await callerContext(sharedWorld, caller, workerBaseURL);
        try {
          for (const url of pagePaths(entry, sharedWorld.ids)) {
            const res = await ctx.get(url, { maxRedirects: 0 });
            const where = `${caller}: ${url}`;
            if (cell.status === "sign-in") {
              expect(res.status(), where).toBe(307);
              const locale = url.split("/")[1];
              expect(res.headers()["location"], where).toBe(`/${locale}/sign-in?next=${decodeURIComponent(url)}`);
              continue;
            }
            expect(res.status(), where).toBe(cell.status);
            expectShows(await res.text(), cell, caller, sharedWorld, where);
          }
        } finally {
          if (caller === "anonymous") await ctx.dispose();
        }
      });
    }
  }
});

test("server actions: none exist, so the matrix lists none (add a runner here with the first)", () => {
  expect(ACTIONS).toEqual([]);
});
