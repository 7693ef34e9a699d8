// Which of the step controls apply to the facilitator's view now, in the order they are offered
// (the first is the main one), and their keyboard shortcuts. Pure: tested with a table.
import type { FacilitatorView } from "@/lib/live/views";

export type Control = "start" | "reveal" | "follow" | "other" | "back" | "next" | "close-voting" | "open-voting";

/** The message key (liveFacilitator.control) that names each control's button. */
export const CONTROL_LABEL = {
  start: "start",
  reveal: "reveal",
  follow: "follow",
  other: "other",
  back: "back",
  next: "next",
  "close-voting": "closeVoting",
  "open-voting": "openVoting",
} as const satisfies Record<Control, string>;

/** Letter shortcuts, shown on screen; they never fire inside a field (live-control.tsx). */
export const SHORTCUTS: Partial<Record<Control, string>> = { start: "s", reveal: "r", next: "n", follow: "f", other: "o", back: "b" };

export function shortcutFor(key: string): Control | undefined {
  const k = key.toLowerCase();
  return (Object.entries(SHORTCUTS) as [Control, string][]).find(([, letter]) => letter === k)?.[0];
}

/** Whether "next" has somewhere to go: another post of a discernment round, or a later step not skipped. */
function hasNext(view: FacilitatorView): boolean {
  if (view.step.kind === "discernment" && view.step.index + 1 < view.step.total) return true;
  const at = view.order.findIndex((s) => s.key === view.current);
  return view.order.slice(at + 1).some((s) => !s.skipped);
}

export function availableControls(view: FacilitatorView): Control[] {
  const out: Control[] = [];
  switch (view.phase) {
    case "ended":
      return out;
    case "lobby":
      if (hasNext(view)) out.push("start");
      return out;
    case "open":
      out.push("reveal");
      if (hasNext(view)) out.push("next");
      out.push(view.accepting ? "close-voting" : "open-voting");
      return out;
    case "revealed": {
      const step = view.step;
      const decision = step.kind === "scenario" && !step.ending && step.node.choices.length > 0;
      if (decision) out.push("follow");
      if (decision && step.node.choices.length > 1) out.push("other");
      if (view.scenario?.detour) out.push("back");
      if (hasNext(view)) out.push("next");
      return out;
    }
  }
}
