// Branching scenarios as graphs: pure validation and traversal, no I/O.

export type Outcome = "helpful" | "mixed" | "harmful";

export interface ScenarioStep {
  text: string;
  choices?: { id: string; text: string; next: string }[];
  ending?: { outcome: Outcome; debrief: string };
}

export interface Scenario {
  id: string;
  title: string;
  summary: string;
  skill: string;
  /** The cause behind the behaviour the scenario shows, or "none" (lib/content/ideology.ts). */
  ideology?: string;
  start: string;
  steps: Record<string, ScenarioStep>;
}

/**
 * Problems with a scenario graph: a missing start or target, a step that is both an ending and
 * a choice (or neither), a step no path reaches, and a loop (so some path would never end).
 * Each problem is [step id or "start", message].
 */
export function checkScenarioGraph(s: Pick<Scenario, "start" | "steps">): [string, string][] {
  const problems: [string, string][] = [];
  const ids = Object.keys(s.steps);
  if (!s.steps[s.start]) problems.push(["start", `there is no step "${s.start}"`]);
  for (const id of ids) {
    const step = s.steps[id];
    const hasChoices = Boolean(step.choices?.length);
    if (hasChoices === Boolean(step.ending)) {
      problems.push([id, hasChoices ? "a step with choices cannot also be an ending" : "a step needs choices or an ending"]);
    }
    const choiceIds = (step.choices ?? []).map((c) => c.id);
    for (const [i, c] of (step.choices ?? []).entries()) {
      if (!s.steps[c.next]) problems.push([id, `choice "${c.id}" leads to "${c.next}", which does not exist`]);
      if (choiceIds.indexOf(c.id) !== i) problems.push([id, `choice id "${c.id}" is used twice`]);
    }
  }
  if (!s.steps[s.start]) return problems;

  // Reachability and loops, by depth-first search from the start.
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, path: string[]) => {
    const seen = state.get(id);
    if (seen === "done") return;
    if (seen === "visiting") {
      problems.push([id, `loop: ${[...path.slice(path.indexOf(id)), id].join(" → ")} (every path must end)`]);
      return;
    }
    state.set(id, "visiting");
    for (const c of s.steps[id]?.choices ?? []) if (s.steps[c.next]) visit(c.next, [...path, id]);
    state.set(id, "done");
  };
  visit(s.start, []);
  for (const id of ids) if (!state.has(id)) problems.push([id, "no path from the start reaches this step (orphan)"]);
  return problems;
}

/** Every path from the start to an ending, as lists of step ids (for tests and reviewers). */
export function scenarioPaths(s: Pick<Scenario, "start" | "steps">): string[][] {
  const out: string[][] = [];
  const walk = (id: string, path: string[]) => {
    const step = s.steps[id];
    if (!step || path.includes(id)) return;
    if (step.ending) out.push([...path, id]);
    for (const c of step.choices ?? []) walk(c.next, [...path, id]);
  };
  walk(s.start, []);
  return out;
}
