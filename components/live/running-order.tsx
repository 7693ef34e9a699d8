// The running order on the control page: each step with its kind, label and whether it is skipped,
// and buttons to go to it, move it up or down (the lobby stays first) and skip or unskip it. Every
// button names its step for screen readers ("Move up: Question: ..."), and each is in tab order.
import { fill } from "@/components/ui/fill";
import type { FacilitatorView } from "@/lib/live/views";
import { stepName } from "./current-step";
import type { ControlLabels } from "./labels";

export type OrderAction = { type: "goto"; key: string } | { type: "skip"; key: string; skip: boolean } | { type: "move"; key: string; by: -1 | 1 };

/** The id of a row's button, so focus can follow a moved step to its new place. */
export const orderButtonId = (key: string, what: "up" | "down" | "goto" | "skip") => `live-ctl-order-${what}-${key.replace(/[^a-zA-Z0-9_-]/g, "_")}`;

export function RunningOrder({ view, labels, busy, onAction }: { view: FacilitatorView; labels: ControlLabels; busy: boolean; onAction: (a: OrderAction) => void }) {
  const ended = view.phase === "ended";
  const last = view.order.length - 1;
  const press = (a: OrderAction) => () => {
    if (!busy) onAction(a);
  };
  return (
    <ol className="live-ctl-order">
      {view.order.map((item, i) => {
        const name = stepName(item, labels);
        const current = item.key === view.current;
        const on = (action: string) => fill(labels.actionOn, { action, step: name });
        return (
          <li key={item.key} className={["live-ctl-order-item", current && "is-current", item.skipped && "is-skipped"].filter(Boolean).join(" ")} aria-current={current ? "step" : undefined}>
            <div className="live-ctl-order-head">
              <span className="live-ctl-order-n">{fill(labels.stepN, { n: i + 1 })}</span>
              <span className="live-ctl-order-kind">{labels[`kind_${item.kind}`]}</span>
              {current && <span className="tag live-ctl-tag-current">{labels.current}</span>}
              {item.skipped && <span className="tag">{labels.skipped}</span>}
            </div>
            {item.label && item.kind !== "check" && <p className="live-ctl-order-label">{item.label}</p>}
            {item.kind === "check" && <p className="live-ctl-order-label">{name}</p>}
            {item.plan && <p className="meta">{fill(labels.minutes, { minutes: item.plan.minutes })} · {item.plan.title}</p>}
            {!ended && (
              <div className="live-ctl-order-buttons">
                {!current && (
                  <button type="button" className="button secondary" id={orderButtonId(item.key, "goto")} aria-label={on(labels.goto)} aria-disabled={busy || undefined} onClick={press({ type: "goto", key: item.key })}>
                    {labels.goto}
                  </button>
                )}
                {i > 0 && (
                  <>
                    <button type="button" className="button secondary" id={orderButtonId(item.key, "up")} aria-label={on(labels.up)} disabled={i === 1} aria-disabled={busy || undefined} onClick={press({ type: "move", key: item.key, by: -1 })}>
                      {labels.up}
                    </button>
                    <button type="button" className="button secondary" id={orderButtonId(item.key, "down")} aria-label={on(labels.down)} disabled={i === last} aria-disabled={busy || undefined} onClick={press({ type: "move", key: item.key, by: 1 })}>
                      {labels.down}
                    </button>
                    <button
                      type="button"
                      className="button secondary"
                      id={orderButtonId(item.key, "skip")}
                      aria-label={on(item.skipped ? labels.unskip : labels.skip)}
                      aria-disabled={busy || undefined}
                      onClick={press({ type: "skip", key: item.key, skip: !item.skipped })}
                    >
                      {item.skipped ? labels.unskip : labels.skip}
                    </button>
                  </>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
