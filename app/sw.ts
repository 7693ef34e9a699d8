/// <reference lib="webworker" />
// The service worker, built after `next build` by scripts/build-sw.mjs (Serwist's configurator
// mode: serwist.config.mjs) and served at /sw.js. What it keeps and why: docs/offline.md.
// - The app shell (Next's static chunks, CSS, fonts, icons) is precached at install.
// - A saved course's pages (components/offline/save-course.tsx asks for it) are answered from
//   their cache first, so a repeat visit makes no request at all.
// - Other public pages are network first, kept for reading offline; personal pages, /api/ and
//   anything the cache policy refuses (lib/offline/cache-policy.ts) are never stored.
// - Every cache name carries the build id: a new deployment's worker fills its own caches (saving
//   saved courses again) while the old one keeps serving, and deletes the old ones once active.
// - Background Sync: answers queued offline (the IndexedDB outbox, components/progress) are sent by
//   the worker when the browser says the network is back, even with no tab of the app open.
import { CacheFirst, ExpirationPlugin, Serwist, type PrecacheEntry, type SerwistPlugin } from "serwist";
import { isPersonalPath, mayCache } from "@/lib/offline/cache-policy";
import { assetsCache, courseCache, coursesToRenew, otherBuildsCaches, pagesCache, parseCourseCache, precacheName } from "@/lib/offline/cache-names";
import type { OfflineManifest, OfflinePage } from "@/lib/offline/course-pages";
import { OFFLINE_MESSAGE, type OfflineReply, type OfflineRequest, type SavedCourse } from "@/lib/offline/protocol";
import { installOutboxSync } from "@/components/progress/outbox-sw";

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };
// Set by scripts/build-sw.mjs from the build it follows.
declare const __BUILD_ID__: string;
declare const __LOCALES__: string[];
declare const __PAGE_BYTES__: Record<string, number>;

const BUILD = __BUILD_ID__;
const LOCALES: readonly string[] = __LOCALES__;
const PAGE_BYTES: Record<string, number> = __PAGE_BYTES__;
const ORIGIN = self.location.origin;
/** Where a saved course's description (SavedCourse) is kept inside its cache. */
const META = "/__saved-course";

/** Serwist plugin: keep a response only when the policy allows it. */
const policy: SerwistPlugin = {
  cacheWillUpdate: async ({ request, response }) => (mayCache(request, response, ORIGIN) ? response : null),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // Named here, not by cacheId: Serwist 9.5 names its precache before it reads cacheId.
  precacheOptions: { cacheName: precacheName(BUILD) },
  // Waits until no tab uses the old worker, so no page mixes two builds' chunks (docs/offline.md).
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.method === "GET" && isPage(request, url),
      handler: ({ request, url }) => page(request, url),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: assetsCache(BUILD), plugins: [policy, new ExpirationPlugin({ maxEntries: 200 })] }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && /^\/(?:icon\.svg|favicon\.ico|apple-icon\.png|manifest\.webmanifest|icons\/)/.test(url.pathname),
      // Cache first: they change only with a build, and the cache is this build's.
      handler: new CacheFirst({ cacheName: assetsCache(BUILD), plugins: [policy] }),
    },
  ],
});

/** A page load or Next's request for a page's data (RSC), as opposed to a file or an API call. */
function isPage(request: Request, url: URL): boolean {
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/_next/")) return false;
  return request.mode === "navigate" || request.headers.get("RSC") === "1";
}

function localeOf(url: URL): string {
  const first = url.pathname.split("/")[1];
  return LOCALES.includes(first) ? first : LOCALES[0];
}

async function currentCourseCaches(): Promise<string[]> {
  return (await caches.keys()).filter((n) => parseCourseCache(n)?.build === BUILD);
}

async function findSaved(url: URL): Promise<Response | undefined> {
  for (const name of await currentCourseCaches()) {
    const hit = await (await caches.open(name)).match(url.pathname, { ignoreSearch: true, ignoreVary: true });
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Next asks for a page's data (RSC) when a link is followed in the page. For a saved page this
 * answer (not Next's data) makes the router load the page itself (fetch-server-response.js: "not a
 * flight response" -> a browser navigation), which is then served from the saved course: offline
 * navigation is a full page load from the cache, with one build's files.
 */
const loadWholePage = () => new Response("", { status: 200, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });

async function offlineFallback(url: URL): Promise<Response> {
  // "/" (where the installed app starts) names no language: that of a saved course, if any.
  const locale = url.pathname === "/" ? ((await savedCourses())[0]?.locale ?? localeOf(url)) : localeOf(url);
  return (await serwist.matchPrecache(`/${locale}/offline`)) ?? Response.error();
}

/** Public pages kept from visits: the most recent ones, so the cache cannot grow without end. */
const VISITED_PAGES = 60;

async function keepVisited(path: string, response: Response): Promise<void> {
  const cache = await caches.open(pagesCache(BUILD));
  await cache.put(path, response);
  const keys = await cache.keys(); // oldest first
  await Promise.all(keys.slice(0, Math.max(0, keys.length - VISITED_PAGES)).map((k) => cache.delete(k)));
}

async function page(request: Request, url: URL): Promise<Response> {
  const navigate = request.mode === "navigate";
  if (isPersonalPath(url.pathname)) {
    // Personal or needs the server: always the network, never a copy; offline, say so.
    try {
      return await fetch(request);
    } catch {
      return navigate ? offlineFallback(url) : Response.error();
    }
  }
  const saved = await findSaved(url);
  if (saved) return navigate ? saved : loadWholePage();
  try {
    const response = await fetch(request);
    if (navigate && mayCache(request, response, ORIGIN)) void keepVisited(url.pathname, response.clone()).catch(() => undefined);
    return response;
  } catch {
    if (!navigate) return Response.error(); // Next then loads the page itself (below)
    return (await (await caches.open(pagesCache(BUILD))).match(url.pathname, { ignoreVary: true })) ?? offlineFallback(url);
  }
}

// Saving a course.

/** The build has no such course (any more): nothing to save, as opposed to a network failure. */
class CourseGone extends Error {}

async function readManifest(locale: string, course: string): Promise<OfflineManifest> {
  const res = await fetch(`/${encodeURIComponent(locale)}/courses/${encodeURIComponent(course)}/offline-manifest.json`, { credentials: "omit", cache: "no-cache" });
  if (res.status === 404) throw new CourseGone(`${locale}/${course}`);
  if (!res.ok) throw new Error(`offline manifest: ${res.status}`);
  return (await res.json()) as OfflineManifest;
}

function chosenHelp(manifest: OfflineManifest, country: string | null | undefined) {
  return manifest.help.find((h) => h.code === country) ?? manifest.help[0];
}

function pagesToSave(manifest: OfflineManifest, country: string | null | undefined): string[] {
  const help = chosenHelp(manifest, country);
  return [...manifest.pages.map((p) => p.href), ...(help ? [help.href] : [])];
}

async function readSaved(name: string): Promise<SavedCourse | undefined> {
  const meta = await (await caches.open(name)).match(META);
  return meta ? ((await meta.json()) as SavedCourse) : undefined;
}

/** Stores every page of the course in a cache of this build; all or nothing. */
async function saveCourse(locale: string, course: string, country: string | null, progress: (done: number, total: number) => void): Promise<SavedCourse> {
  const manifest = await readManifest(locale, course);
  const urls = pagesToSave(manifest, country);
  const name = courseCache(BUILD, locale, course);
  const cache = await caches.open(name);
  let done = 0;
  let bytes = 0;
  progress(done, urls.length);
  try {
    // A few at a time: quick on a good connection, gentle on a hall's Wi-Fi.
    const queue = [...urls];
    const worker = async () => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        const request = new Request(url, { credentials: "omit" });
        const response = await fetch(request);
        if (!mayCache(request, response, ORIGIN)) throw new Error(`not saved: ${url} (${response.status})`);
        const body = await response.clone().arrayBuffer();
        await cache.put(url, response);
        bytes += body.byteLength;
        progress(++done, urls.length);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  } catch (e) {
    await caches.delete(name);
    throw e;
  }
  const help = chosenHelp(manifest, country);
  const saved: SavedCourse = { locale, course, title: manifest.title, pages: firstOfEach(manifest.pages), help: help ? { code: help.code, name: help.name, href: help.href } : null, bytes };
  await cache.put(META, new Response(JSON.stringify(saved), { headers: { "Content-Type": "application/json" } }));
  return saved;
}

/** Lesson links for the offline page: one per title (a lesson's quiz shares its title). */
function firstOfEach(pages: OfflinePage[]): OfflinePage[] {
  const seen = new Set<string>();
  return pages.filter((p) => !seen.has(p.title) && seen.add(p.title));
}

async function status(locale: string, course: string): Promise<OfflineReply> {
  const saved = await readSaved(courseCache(BUILD, locale, course));
  if (saved) return { kind: "saved", course: saved };
  try {
    const manifest = await readManifest(locale, course);
    const estimate = (country: string) => pagesToSave(manifest, country).reduce((sum, href) => sum + (PAGE_BYTES[href] ?? 0), 0);
    return { kind: "not-saved", help: manifest.help.map((h) => ({ code: h.code, name: h.name, bytes: estimate(h.code) })), bytes: estimate("") };
  } catch {
    return { kind: "unavailable" };
  }
}

async function savedCourses(): Promise<SavedCourse[]> {
  const all = await Promise.all((await currentCourseCaches()).map(readSaved));
  return all.filter((c): c is SavedCourse => Boolean(c));
}

self.addEventListener("message", (event) => {
  const data = event.data as OfflineRequest | undefined;
  const port = event.ports[0];
  if (!port || data?.type !== OFFLINE_MESSAGE) return;
  const reply = (r: OfflineReply) => port.postMessage(r);
  const work = async () => {
    try {
      if (data.action === "status") reply(await status(data.locale, data.course));
      else if (data.action === "list") reply({ kind: "list", courses: await savedCourses() });
      else if (data.action === "remove") {
        await caches.delete(courseCache(BUILD, data.locale, data.course));
        reply({ kind: "removed" });
      } else if (data.action === "save") {
        const saved = await saveCourse(data.locale, data.course, data.country, (done, total) => reply({ kind: "progress", done, total }));
        reply({ kind: "saved", course: saved });
      }
    } catch {
      reply({ kind: "failed" });
    }
  };
  event.waitUntil(work());
});

// A new build: save again, for this build, every course saved under an older one, before this
// worker may activate (install waits for it). If that fails (the network dropped), installing
// fails and the browser tries again on a later visit, while the old worker keeps serving the old
// build's saved course whole. A course the new build no longer has is simply not saved again.
self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      for (const { locale, course } of coursesToRenew(names, BUILD)) {
        const old = names.find((n) => {
          const p = parseCourseCache(n);
          return p && p.locale === locale && p.course === course;
        });
        const before = old ? await readSaved(old) : undefined;
        await saveCourse(locale, course, before?.help?.code ?? null, () => {}).catch((e: unknown) => {
          if (!(e instanceof CourseGone)) throw e;
        });
      }
    })(),
  );
});

// Active: no page uses the old build any more, so its caches go.
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(otherBuildsCaches(names, BUILD).map((n) => caches.delete(n)))));
});

installOutboxSync(self);
serwist.addEventListeners();
