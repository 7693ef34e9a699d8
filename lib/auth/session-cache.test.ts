// One session read per request (issue #22): the group page's layout, body and sections each call
// currentUser(); inside one server-component render they share one read of the cookie and the
// database. Outside a render (a route handler) every call reads afresh.
//
// Next.js renders server components with React's react-server build, whose `cache` keeps results
// in the cache of the render in progress (the dispatcher React's server installs for a request).
// Vitest loads the client build, where `cache` keeps nothing, so this file loads the react-server
// build and opens a request's cache scope the way React's server does.
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const require = createRequire(import.meta.url);
const serverReact = vi.hoisted(() => ({ path: "" }));
// Not in react's "exports": found beside its package.json, as the react-server condition would.
serverReact.path = path.join(path.dirname(require.resolve("react/package.json")), "react.react-server.js");
vi.mock("react", () => require(serverReact.path));

const reads = vi.hoisted(() => ({ cookies: 0, sessions: 0 }));
vi.mock("next/headers", () => ({
  cookies: async () => {
    reads.cookies++;
    return { get: (name: string) => ({ name, value: "token" }), getAll: () => [] };
  },
}));
vi.mock("next-auth/jwt", () => ({ decode: async () => ({ uid: "u1", sv: 0, sid: "s1", exp: Math.floor(Date.now() / 1000) + 3600 }) }));
vi.mock("@/lib/db", () => ({ getDb: async () => ({}) }));
vi.mock("./accounts", () => ({
  validSession: async () => {
    reads.sessions++;
    return { id: "u1", role: "learner", displayName: "Ada", sessionVersion: 0, revoked: false };
  },
}));

const { currentUser, requireUser } = await import("./session");

type Dispatcher = { getCacheForType<T>(create: () => T): T; cacheSignal(): null };
const internals = (require(serverReact.path) as { __SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE: { A: Dispatcher | null } })
  .__SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;

/** Runs `render` as React's server runs one request: with its own cache, dropped at the end. */
async function inOneRequest<T>(render: () => Promise<T>): Promise<T> {
  const caches = new Map<() => unknown, unknown>();
  internals.A = {
    getCacheForType<C>(create: () => C): C {
      if (!caches.has(create)) caches.set(create, create());
      return caches.get(create) as C;
    },
    cacheSignal: () => null,
  };
  try {
    return await render();
  } finally {
    internals.A = null;
  }
}

beforeEach(() => {
  reads.cookies = 0;
  reads.sessions = 0;
});
afterEach(() => {
  internals.A = null;
});

describe("currentUser", () => {
  it("reads the session once for every component of one request", async () => {
    // A layout, a page and two sections, as on the group page, partly in parallel.
    const users = await inOneRequest(async () => {
      const first = await currentUser();
      const rest = await Promise.all([currentUser(), requireUser(), currentUser()]);
      return [first, ...rest];
    });
    expect(users).toEqual(Array(4).fill({ id: "u1", role: "learner", displayName: "Ada" }));
    expect(reads).toEqual({ cookies: 1, sessions: 1 });
  });

  it("reads again in the next request: nothing is kept between requests", async () => {
    await inOneRequest(() => currentUser());
    await inOneRequest(() => currentUser());
    expect(reads).toEqual({ cookies: 2, sessions: 2 });
  });

  it("reads on every call outside a render (route handlers), so a sign-out is seen at once", async () => {
    await currentUser();
    await currentUser();
    expect(reads).toEqual({ cookies: 2, sessions: 2 });
  });
});
