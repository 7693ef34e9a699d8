/**
 * The directive parser behind `:::scenario` reads a clock time such as "0:05" as a text directive
 * named "05", which then vanishes from the page; a colon between digits is escaped so times
 * survive in lessons and track notes alike.
 */
export function keepClockTimes(markdown: string): string {
  return markdown.replace(/(\d):(?=\d)/g, "$1\\:");
}
