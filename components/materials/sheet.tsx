import type { ReactNode } from "react";
import { LessonBody } from "@/components/lesson/lesson-body";
import type { MarkdownLabels } from "@/components/lesson/markdown-html";
import { trackMarkdown } from "@/components/track/markdown";

/**
 * One printed page (or run of pages): on paper each starts a new page (materials.css). Its header
 * names the set on the paper itself, since the page's own title is not printed.
 */
export function Sheet(props: { id: string; title: string; notes: string[]; className?: string; children: ReactNode }) {
  const { id, title, notes, className, children } = props;
  return (
    // Named by its title and first note ("Sheet 2 of 3"), so each sheet's region has its own name.
    <section className={`material-section ${className ?? ""}`} aria-labelledby={`${id}-title${notes.length > 0 ? ` ${id}-note` : ""}`}>
      <header className="material-sheet-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {notes.map((n, i) => (
          <p key={n} id={i === 0 ? `${id}-note` : undefined}>
            {n}
          </p>
        ))}
      </header>
      {children}
    </section>
  );
}

/**
 * The answer key: a new page on paper, headed for the teacher or facilitator, with the set's
 * instructions repeated there (on screen they are in the introduction above).
 */
export function KeySheet(props: { id: string; heading: string; title: string; howToUse: string; instructions: string; labels: MarkdownLabels; children: ReactNode }) {
  const { id, heading, title, howToUse, instructions, labels, children } = props;
  return (
    <section className="material-section material-key" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{heading}</h2>
      <div className="material-print-only">
        <p>
          <strong>{title}</strong>
        </p>
        <p>
          <strong>{howToUse}</strong>
        </p>
        <LessonBody markdown={trackMarkdown(instructions, 3)} labels={labels} />
      </div>
      {children}
    </section>
  );
}

/** Blank lines to write on. */
export function WriteLines({ count }: { count: number }) {
  return (
    <span className="material-lines" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <span key={i} className="material-line" />
      ))}
    </span>
  );
}
