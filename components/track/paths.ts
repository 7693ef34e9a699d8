// Addresses of a plan's pages, written once: the plan pages, the group page's plan panel and the
// tests build links with these.
import { PLAN_PAGE_PATHS } from "@/lib/content/plan";
import type { PlanPage } from "@/lib/content/schema";

export const trackPath = (locale: string, track: string) => `/${locale}/tracks/${track}`;
/** A school lesson's own page: the teacher's plan for that lesson. */
export const schoolLessonPath = (locale: string, track: string, lesson: string) => `${trackPath(locale, track)}/${lesson}`;
/** A school lesson's print view: the students' text and worksheets, keys on sheets of their own. */
export const studentPackPath = (locale: string, track: string, lesson: string) => `${schoolLessonPath(locale, track, lesson)}/print`;
export const materialPath = (locale: string, track: string, id: string) => `${trackPath(locale, track)}/materials/${id}`;
export const planPagePath = (locale: string, page: PlanPage) => `/${locale}${PLAN_PAGE_PATHS[page]}`;
