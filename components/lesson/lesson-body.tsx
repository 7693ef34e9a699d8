// A lesson's (or a track's) Markdown, rendered to HTML on the server; no client JavaScript, and
// nothing for React to hydrate inside it (see markdown-html.ts for why and for what is safe).
import { markdownToHtml, type MarkdownLabels } from "./markdown-html";

export function LessonBody({ markdown, labels }: { markdown: string; labels: MarkdownLabels }) {
  return <div className="lesson-body" dangerouslySetInnerHTML={{ __html: markdownToHtml(markdown, labels) }} />;
}
