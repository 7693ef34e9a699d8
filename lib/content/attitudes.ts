// A course's "Your views" statements (courses/<course>/attitudes.yml): rated 1 to 5 at the
// starting and final checks, optional and anonymous, shown to facilitators only as group totals.
// The rule that matters most is what they may ask about: readiness to respond, never a person's
// own faith, politics, sympathies or grievances, which could be read as a risk label.
import path from "node:path";
import { attitudeFile } from "./schema";
import { check, type ContentProblem, dupes, exists, parseYaml, readText, rel } from "./files";

export interface AttitudeItem {
  id: string;
  statement: string;
}

export interface Attitudes {
  items: AttitudeItem[];
}

/** The Likert scale: 1 = strongly disagree ... 5 = strongly agree. */
export const ATTITUDE_SCALE = [1, 2, 3, 4, 5] as const;

/**
 * Topics an attitude statement must never touch. Answers to such questions could serve as a
 * per-person risk label, which the app never makes (see ARCHITECTURE.md, privacy).
 */
export const OFF_LIMITS: { pattern: RegExp; why: string }[] = [
  {
    pattern: /\b(religio\w*|faith|pray\w*|mosques?|church\w*|synagogues?|temples?|god|allah|islam\w*|muslims?|christians?|jew(s|ish)?|hindus?|sikhs?|buddhis\w*)\b/i,
    why: "asks about faith or a religion",
  },
  { pattern: /\b(politic\w*|vot(e|es|ed|ing)|elections?|left-wing|right-wing|parties|party)\b/i, why: "asks about politics" },
  { pattern: /\b(ethnic\w*|race|racial|nationality|immigrants?|migrants?|refugees?)\b/i, why: "asks about ethnicity, origin or migration" },
  { pattern: /\b(sympath\w*|admir\w*|deserv\w*)\b/i, why: "asks about sympathy for a cause or its targets" },
  { pattern: /\b(violence|attacks?|it) (is|are|was|can be) (sometimes |ever )?(justified|understandable|necessary|acceptable)\b/i, why: "asks whether violence is justified" },
  { pattern: /\bi (am|feel|have been) (often |sometimes |very )?(angry|humiliated|alone|lonely|excluded|treated unfairly|discriminated|ignored)\b/i, why: "asks about the learner's own grievances or isolation" },
];

export function offLimits(statement: string): { term: string; why: string } | undefined {
  for (const rule of OFF_LIMITS) {
    const m = rule.pattern.exec(statement);
    if (m) return { term: m[0], why: rule.why };
  }
  return undefined;
}

/** Reads and checks courses/<course>/attitudes.yml; undefined when the course has none. */
export function loadAttitudes(root: string, courseDir: string, hasAssessments: boolean, problems: ContentProblem[]): Attitudes | undefined {
  const yaml = path.join(courseDir, "attitudes.yaml");
  if (exists(yaml)) problems.push({ file: rel(root, yaml), field: "", message: "name the file attitudes.yml, like the course's other files" });
  const full = path.join(courseDir, "attitudes.yml");
  if (!exists(full)) return undefined;
  const file = rel(root, full);
  const data = parseYaml(readText(full), file, problems);
  if (data === undefined) return undefined;
  const a = check(attitudeFile, data, file, problems);
  if (!a) return undefined;
  const before = problems.length;
  const ids = a.items.map((i) => i.id);
  dupes(ids, (i) => problems.push({ file, field: `items[${i}].id`, message: `statement id "${ids[i]}" is used twice` }));
  a.items.forEach((item, i) => {
    const hit = offLimits(item.statement);
    if (hit) {
      problems.push({
        file,
        field: `items[${i}].statement`,
        message: `"${hit.term}": this statement ${hit.why}. Ask how ready people feel to respond (to recognise, talk, report, check), never about their own beliefs or feelings about a group; such answers could be read as a risk label`,
      });
    }
  });
  if (!hasAssessments) problems.push({ file, field: "", message: "statements are asked at the starting and final checks: add the check forms assessments/form-a.yml and form-b.yml first" });
  return problems.length > before ? undefined : { items: a.items };
}
