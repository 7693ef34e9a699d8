// The service worker's cache names, all carrying the build id, so a new deployment fills caches of
// its own and a page is never answered from two builds' files (docs/deploy.md, "Offline and
// installing"). Pure: used by the worker (app/sw.ts) and its tests.

const PREFIX = "cg";

/** Serwist's precache: the app shell of this build. */
export const precacheName = (build: string) => `${PREFIX}-${build}-precache`;

/** Public pages visited while online (network first), kept for reading offline. */
export const pagesCache = (build: string) => `${PREFIX}-${build}-pages`;

/** Icons, the manifest and static files not in the precache. */
export const assetsCache = (build: string) => `${PREFIX}-${build}-assets`;

/** One saved course: its pages in one language, and the help page chosen with it. */
export const courseCache = (build: string, locale: string, course: string) => `${PREFIX}-${build}-course-${locale}-${course}`;

export interface SavedCourseName {
  build: string;
  locale: string;
  course: string;
}

const SEGMENT = "[a-z0-9]+(?:-[a-z0-9]+)*";
// Build ids are Next's (letters, digits, "_" and "-"), so the course part is matched by its shape.
const COURSE = new RegExp(`^${PREFIX}-([A-Za-z0-9_-]+?)-course-([a-z]{2}(?:-[A-Z]{2})?)-(${SEGMENT})$`);

/** The build, locale and course of a saved course's cache, or undefined for any other name. */
export function parseCourseCache(name: string): SavedCourseName | undefined {
  const m = COURSE.exec(name);
  return m ? { build: m[1], locale: m[2], course: m[3] } : undefined;
}

/** Whether a cache belongs to this app (and so is ours to delete when it is another build's). */
const ours = (name: string) => name.startsWith(`${PREFIX}-`);

/** This app's caches of other builds: deleted once the new build's worker is active. */
export function otherBuildsCaches(names: readonly string[], build: string): string[] {
  return names.filter((n) => ours(n) && !n.startsWith(`${PREFIX}-${build}-`));
}

/** Courses saved under another build, to save again for this one (once each). */
export function coursesToRenew(names: readonly string[], build: string): { locale: string; course: string }[] {
  const seen = new Set<string>();
  const out: { locale: string; course: string }[] = [];
  for (const name of names) {
    const parsed = parseCourseCache(name);
    if (!parsed || parsed.build === build) continue;
    const key = `${parsed.locale}/${parsed.course}`;
    if (seen.has(key) || names.includes(courseCache(build, parsed.locale, parsed.course))) continue;
    seen.add(key);
    out.push({ locale: parsed.locale, course: parsed.course });
  }
  return out;
}
