/**
 * The key of a lesson (or any activity progress is kept under, by its stored id) in guest progress:
 * "<locale>/<course>/<activity id>", as progressKey in lib/content/activity-id.ts spells it for a
 * ref. Shared by server and client.
 */
export function lessonKey(locale: string, course: string, lesson: string): string {
  return `${locale}/${course}/${lesson}`;
}
