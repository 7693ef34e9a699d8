// The SCORM run-time API as the package sees it: found in a parent frame or the opener window
// (the LMS puts it there), wrapped so the runner says "save this report" once for both versions.
// Browser code, bundled into the package (lib/scorm/build.ts); nothing here calls the network.
import { duration2004, type Report, timespan12 } from "../state";

interface Api12 {
  LMSInitialize(p: ""): string;
  LMSGetValue(e: string): string;
  LMSSetValue(e: string, v: string): string;
  LMSCommit(p: ""): string;
  LMSFinish(p: ""): string;
}
interface Api2004 {
  Initialize(p: ""): string;
  GetValue(e: string): string;
  SetValue(e: string, v: string): string;
  Commit(p: ""): string;
  Terminate(p: ""): string;
}

export interface Lms {
  version: "1.2" | "2004";
  suspendData(): string;
  location(): string;
  save(report: Report, suspend: string, location: string): void;
  commit(): void;
  finish(elapsedMs: number, complete: boolean): void;
}

/** The nearest window up the parent chain (then the opener's) holding `name`; the SCORM 1.2 RTE's search, bounded. */
export function findApi<T>(start: Window, name: "API" | "API_1484_11"): T | null {
  const look = (w: Window | null): T | null => {
    for (let i = 0; w && i < 10; i++) {
      try {
        const api = (w as unknown as Record<string, unknown>)[name];
        if (api) return api as T;
      } catch {
        // A frame of another origin: the API cannot be there for us anyway.
      }
      if (w.parent === w) break;
      w = w.parent;
    }
    return null;
  };
  return look(start) ?? look(start.opener as Window | null);
}

const ok = (r: string | boolean) => r === "true" || r === true;

/** Connects to the LMS for the version the package was built for; null when there is none (opened on its own). */
export function connect(win: Window, version: "1.2" | "2004"): Lms | null {
  if (version === "2004") {
    const api = findApi<Api2004>(win, "API_1484_11");
    if (!api || !ok(api.Initialize(""))) return null;
    let done = false;
    return {
      version,
      suspendData: () => api.GetValue("cmi.suspend_data") || "",
      location: () => api.GetValue("cmi.location") || "",
      save(report, suspend, location) {
        api.SetValue("cmi.completion_status", report.completion);
        api.SetValue("cmi.success_status", report.success);
        api.SetValue("cmi.score.min", "0");
        api.SetValue("cmi.score.max", "100");
        api.SetValue("cmi.score.raw", String(report.raw));
        api.SetValue("cmi.score.scaled", (report.raw / 100).toFixed(2));
        api.SetValue("cmi.suspend_data", suspend);
        api.SetValue("cmi.location", location);
      },
      commit: () => void api.Commit(""),
      finish(elapsedMs, complete) {
        if (done) return;
        done = true;
        api.SetValue("cmi.session_time", duration2004(elapsedMs));
        api.SetValue("cmi.exit", complete ? "normal" : "suspend");
        api.Commit("");
        api.Terminate("");
      },
    };
  }
  const api = findApi<Api12>(win, "API");
  if (!api || !ok(api.LMSInitialize(""))) return null;
  let done = false;
  return {
    version,
    suspendData: () => api.LMSGetValue("cmi.suspend_data") || "",
    location: () => api.LMSGetValue("cmi.core.lesson_location") || "",
    save(report, suspend, location) {
      api.LMSSetValue("cmi.core.lesson_status", report.lessonStatus);
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(report.raw));
      api.LMSSetValue("cmi.suspend_data", suspend);
      api.LMSSetValue("cmi.core.lesson_location", location);
    },
    commit: () => void api.LMSCommit(""),
    finish(elapsedMs, complete) {
      if (done) return;
      done = true;
      api.LMSSetValue("cmi.core.session_time", timespan12(elapsedMs));
      api.LMSSetValue("cmi.core.exit", complete ? "" : "suspend");
      api.LMSCommit("");
      api.LMSFinish("");
    },
  };
}
