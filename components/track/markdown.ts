// Track Markdown is rendered with LessonBody inside sections that already have headings, so the
// headings are moved down first (LessonBody itself keeps clock times such as "0:05" intact).

const ATX = /^( {0,3})(#{1,6})(?=\s|$)/;

/**
 * Shifts headings so the highest one in the text sits at `level` (never above h6), keeping the
 * page's outline whole: a "## Running the lesson" inside an h3 section becomes an h4.
 * Headings inside fenced code are left alone.
 */
export function nestHeadings(markdown: string, level: number): string {
  const lines = markdown.split("\n");
  let fenced = false;
  const headings: number[] = [];
  for (const [i, line] of lines.entries()) {
    if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && ATX.test(line)) headings.push(i);
  }
  if (headings.length === 0) return markdown;
  const top = Math.min(...headings.map((i) => ATX.exec(lines[i])![2].length));
  const shift = level - top;
  if (shift <= 0) return markdown;
  for (const i of headings) {
    lines[i] = lines[i].replace(ATX, (_m, indent: string, hashes: string) => indent + "#".repeat(Math.min(6, hashes.length + shift)));
  }
  return lines.join("\n");
}

/** Markdown from a track file, ready for LessonBody inside a section whose heading is `level - 1`. */
export function trackMarkdown(markdown: string, level: number): string {
  return nestHeadings(markdown, level);
}
