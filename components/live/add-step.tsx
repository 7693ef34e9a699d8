"use client";
// "Add from the course": any quiz question, scenario, discernment round, check or plan discussion
// of the session's course (the server page passes the list as plain data), grouped by lesson in
// one select; the chosen one goes after the current step and comes on screen.
import { useState, type FormEvent } from "react";
import { fill } from "@/components/ui/fill";
import type { AddableItem, AddableSection } from "@/lib/live/content";
import type { ControlLabels } from "./labels";

function sectionTitle(section: AddableSection, labels: ControlLabels): string {
  if (section.kind === "checks") return labels.addChecks;
  if (section.kind === "discussions") return fill(labels.addDiscussions, { part: section.title });
  return section.title;
}

function itemLabel(item: AddableItem, labels: ControlLabels, inOrder: boolean): string {
  const kind = item.kind === "check" ? (item.address.kind === "check" && item.address.slot === "post" ? labels.checkPost : labels.checkPre) : labels[`kind_${item.kind}`];
  const text = item.label ? `${kind}: ${item.label}` : kind;
  return inOrder ? fill(labels.inOrder, { label: text }) : text;
}

export function AddStep({ sections, inOrder, labels, busy, disabled, onAdd }: { sections: AddableSection[]; inOrder: ReadonlySet<string>; labels: ControlLabels; busy: boolean; disabled: boolean; onAdd: (item: AddableItem) => void }) {
  const items = sections.flatMap((s) => s.items);
  const [chosen, setChosen] = useState(items[0]?.key ?? "");

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const item = items.find((i) => i.key === chosen);
    if (item && !busy) onAdd(item);
  }

  return (
    <form className="stack-form live-ctl-add" onSubmit={submit}>
      <div className="field">
        <label htmlFor="live-ctl-add-choice">{labels.addChoose}</label>
        <p className="hint" id="live-ctl-add-hint">
          {labels.addLead}
        </p>
        <select id="live-ctl-add-choice" aria-describedby="live-ctl-add-hint" value={chosen} onChange={(e) => setChosen(e.target.value)} disabled={disabled}>
          {sections.map((s, i) => (
            <optgroup key={i} label={sectionTitle(s, labels)}>
              {s.items.map((item) => (
                <option key={item.key} value={item.key}>
                  {itemLabel(item, labels, inOrder.has(item.key))}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="button secondary" disabled={disabled} aria-disabled={busy || undefined}>
          {labels.addSubmit}
        </button>
      </div>
    </form>
  );
}
