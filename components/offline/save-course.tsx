"use client";
// "Save this course for offline" on the course page: the service worker stores every page of the
// course in this language, and the help page of the learner's country (app/sw.ts, saveCourse).
// Shows the size before (an estimate from the build) and after (what was stored), a progress bar
// while saving, and a way to remove it. Says so plainly where no service worker can run.
import { useEffect, useState } from "react";
import type { OfflineReply, SavedCourse } from "@/lib/offline/protocol";
import { proposeHelpCountry, readHelpCountry } from "@/components/help/country-memory";
import { fill } from "@/components/ui/fill";
import { askWorker, megabytes } from "./sw-client";

export interface SaveCourseLabels {
  title: string;
  lead: string;
  save: string;
  size: string;
  country: string;
  saving: string;
  progress: string;
  saved: string;
  savedHelp: string;
  remove: string;
  removed: string;
  failed: string;
  unavailable: string;
  unsupported: string;
}

type Help = { code: string; name: string; bytes: number };
type State =
  | { kind: "checking" }
  | { kind: "unsupported" }
  | { kind: "unavailable" }
  | { kind: "not-saved"; bytes: number; help: Help[]; note?: "removed" | "failed" }
  | { kind: "saving"; done: number; total: number }
  | { kind: "saved"; course: SavedCourse };

function defaultCountry(help: Help[]): string {
  const codes = help.map((h) => h.code);
  const remembered = readHelpCountry();
  if (remembered && codes.includes(remembered)) return remembered;
  return proposeHelpCountry(navigator.languages ?? [], codes) ?? codes[0] ?? "";
}

export function SaveCourse({ locale, course, labels }: { locale: string; course: string; labels: SaveCourseLabels }) {
  const [state, setState] = useState<State>({ kind: "checking" });
  const [country, setCountry] = useState("");

  const show = (reply: OfflineReply, note?: "removed" | "failed") => {
    if (reply.kind === "saved") setState({ kind: "saved", course: reply.course });
    else if (reply.kind === "not-saved") {
      setState({ kind: "not-saved", bytes: reply.bytes, help: reply.help, note });
      setCountry((c) => c || defaultCountry(reply.help));
    } else if (reply.kind === "unavailable") setState({ kind: "unavailable" });
  };

  useEffect(() => {
    let live = true;
    // Rejected at once where no worker can run (plain http): then say so.
    void askWorker({ action: "status", locale, course }).then((r) => live && show(r), () => live && setState({ kind: "unsupported" }));
    return () => {
      live = false;
    };
  }, [locale, course]);

  const save = async () => {
    setState({ kind: "saving", done: 0, total: 0 });
    const reply = await askWorker({ action: "save", locale, course, country: country || null }, (r) => {
      if (r.kind === "progress") setState({ kind: "saving", done: r.done, total: r.total });
    }).catch((): OfflineReply => ({ kind: "failed" }));
    if (reply.kind === "saved") show(reply);
    else show(await askWorker({ action: "status", locale, course }), "failed");
  };

  const remove = async () => {
    await askWorker({ action: "remove", locale, course });
    show(await askWorker({ action: "status", locale, course }), "removed");
  };

  if (state.kind === "checking") return null;
  const chosen = state.kind === "not-saved" ? (state.help.find((h) => h.code === country) ?? null) : null;
  const estimate = state.kind === "not-saved" ? (chosen?.bytes ?? state.bytes) : 0;
  const announce =
    state.kind === "saving"
      ? fill(labels.progress, { done: state.done, total: state.total })
      : state.kind === "saved"
        ? fill(labels.saved, { mb: megabytes(state.course.bytes, locale) })
        : state.kind === "not-saved" && state.note
          ? labels[state.note]
          : "";

  return (
    <section className="reading save-offline" aria-labelledby="save-offline-title">
      <h2 id="save-offline-title">{labels.title}</h2>
      {state.kind === "unsupported" && <p>{labels.unsupported}</p>}
      {state.kind === "unavailable" && <p>{labels.unavailable}</p>}
      {state.kind === "not-saved" && (
        <>
          <p>{labels.lead}</p>
          {state.help.length > 1 && (
            <p className="field">
              <label htmlFor="save-offline-country">{labels.country}</label>
              <select id="save-offline-country" value={country} onChange={(e) => setCountry(e.target.value)}>
                {state.help.map((h) => (
                  <option key={h.code} value={h.code}>
                    {h.name}
                  </option>
                ))}
              </select>
            </p>
          )}
          <p className="save-offline-actions">
            <button type="button" className="button" onClick={() => void save()}>
              {labels.save}
            </button>
            <span className="save-offline-size">{fill(labels.size, { mb: megabytes(estimate, locale) })}</span>
          </p>
        </>
      )}
      {state.kind === "saving" && (
        <p className="save-offline-progress">
          <label htmlFor="save-offline-bar">{labels.saving}</label>
          <progress id="save-offline-bar" value={state.done} max={state.total || 1} />
        </p>
      )}
      {state.kind === "saved" && (
        <>
          {state.course.help && <p>{fill(labels.savedHelp, { country: state.course.help.name })}</p>}
          <p>
            <button type="button" className="button secondary" onClick={() => void remove()}>
              {labels.remove}
            </button>
          </p>
        </>
      )}
      <p role="status" className={state.kind === "saved" ? "save-offline-done" : "save-offline-note"}>
        {announce}
      </p>
    </section>
  );
}
