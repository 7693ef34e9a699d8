// The roster's three CSV files from what the facilitator chose: a OneRoster zip (unzipped here, in
// the browser, so only the three texts travel) or the CSV files themselves. Other files in a
// OneRoster zip (orgs.csv, courses.csv, academicSessions.csv, manifest.csv...) are not needed.
import { strFromU8, unzipSync } from "fflate";

export const ROSTER_FILES = ["classes", "users", "enrollments"] as const;
export type RosterFiles = Partial<Record<(typeof ROSTER_FILES)[number], string>>;

/** The zip's or files' size limit: a class roster is kilobytes; a whole district's is not for this form. */
const MAX_BYTES = 5 * 1024 * 1024;

const which = (name: string) => ROSTER_FILES.find((f) => new RegExp(`(^|/)${f}\\.csv$`, "i").test(name));

export async function readRosterFiles(files: readonly File[]): Promise<RosterFiles> {
  const out: RosterFiles = {};
  for (const file of files) {
    if (file.size > MAX_BYTES) throw new Error("too large");
    if (/\.zip$/i.test(file.name)) {
      // Only the three files are inflated; a zip bomb elsewhere in the archive costs nothing.
      const entries = unzipSync(new Uint8Array(await file.arrayBuffer()), { filter: (f) => Boolean(which(f.name)) && f.originalSize <= MAX_BYTES });
      for (const [name, data] of Object.entries(entries)) out[which(name)!] = strFromU8(data);
    } else {
      const kind = which(file.name);
      if (kind) out[kind] = await file.text();
    }
  }
  return out;
}
