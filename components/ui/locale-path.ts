/**
 * `path` (which starts with a locale: "/en/courses/x") under `code`'s prefix instead, followed by
 * `place` (the query and fragment), so switching language keeps the learner's place.
 */
export function inLocale(path: string, code: string, place = ""): string {
  const rest = path.replace(/^\/[^/?#]*/, "");
  return `/${code}${rest}${place}`;
}
