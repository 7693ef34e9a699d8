import type { Lesson } from "@/lib/content";

/** The lesson's sources: title, publisher and date, linked where the source has an address. */
export function LessonSources({ sources, heading }: { sources: Lesson["sources"]; heading: string }) {
  return (
    <section className="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{heading}</h2>
      <ol>
        {sources.map((s) => (
          <li key={`${s.title}-${s.date}`}>
            {s.url ? (
              <a href={s.url} rel="noopener noreferrer">
                {s.title}
              </a>
            ) : (
              <cite>{s.title}</cite>
            )}
            . {s.publisher}, <time dateTime={s.date}>{s.date}</time>.{s.note ? ` ${s.note}` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
