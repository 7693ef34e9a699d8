"use client";
// The offline page's list of what this device saved (asked of the service worker), with a link to
// each saved lesson and help page, and a button to try the network again.
import { useEffect, useState } from "react";
import type { SavedCourse } from "@/lib/offline/protocol";
import { fill } from "@/components/ui/fill";
import { askWorker } from "./sw-client";

export interface SavedCoursesLabels {
  heading: string;
  none: string;
  help: string;
  retry: string;
}

export function SavedCourses({ locale, labels }: { locale: string; labels: SavedCoursesLabels }) {
  const [courses, setCourses] = useState<SavedCourse[] | null>(null);
  useEffect(() => {
    let live = true;
    void askWorker({ action: "list" }).then(
      (r) => live && setCourses(r.kind === "list" ? r.courses : []),
      () => live && setCourses([]),
    );
    return () => {
      live = false;
    };
  }, []);

  // This language's courses first: a device may hold the course in two languages.
  const sorted = [...(courses ?? [])].sort((a, b) => Number(b.locale === locale) - Number(a.locale === locale));
  return (
    <>
      <h2>{labels.heading}</h2>
      {courses !== null && sorted.length === 0 && <p>{labels.none}</p>}
      {sorted.map((c) => (
        <section key={`${c.locale}/${c.course}`} className="saved-course" aria-label={c.title}>
          {/* Plain links: a full page load, which the service worker answers from the saved course. */}
          <h3 lang={c.locale}>
            <a href={c.pages[0]?.href}>{c.title}</a>
          </h3>
          <ul lang={c.locale}>
            {c.pages.slice(1).map((p) => (
              <li key={p.href}>
                <a href={p.href}>{p.title}</a>
              </li>
            ))}
          </ul>
          {c.help && (
            <p>
              <a href={c.help.href}>{fill(labels.help, { country: c.help.name })}</a>
            </p>
          )}
        </section>
      ))}
      <p>
        <button type="button" className="button secondary" onClick={() => window.location.reload()}>
          {labels.retry}
        </button>
      </p>
    </>
  );
}
