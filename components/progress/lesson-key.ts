/** The key of a lesson in guest progress: "<locale>/<course>/<lesson>". Shared by server and client. */
export function lessonKey(locale: string, course: string, lesson: string): string {
  return `${locale}/${course}/${lesson}`;
}
