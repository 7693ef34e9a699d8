"use client";
// The facilitator's control island: follows the facilitator's view over SSE (useLiveView) and sends
// every action to POST /api/live/<id>/control with the seq of the view it was pressed on. Another
// device may have moved the session since (the facilitator switched from laptop to phone): the
// server then refuses with a 409, and this screen reads the view again and says so. Every control
// is a button in tab order; letter shortcuts (shown on screen) never fire inside a field.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, apiGet } from "@/components/api/api";
import { useQuery } from "@/components/api/queries";
import { queryKeys } from "@/components/api/query-keys";
import { useSend } from "@/components/api/use-send";
import { fill } from "@/components/ui/fill";
import { FormError, FormScope, useFormState } from "@/components/ui/form";
import type { StepAddress } from "@/lib/live/inputs";
import type { AddableSection } from "@/lib/live/content";
import type { FacilitatorView } from "@/lib/live/views";
import { AddStep } from "./add-step";
import { CurrentStep, stepName } from "./current-step";
import type { ControlLabels } from "./labels";
import { PlanNotes } from "./plan-notes";
import { orderButtonId, RunningOrder, type OrderAction } from "./running-order";
import { useLiveView } from "./use-live-view";
import { availableControls, CONTROL_LABEL, shortcutFor, SHORTCUTS, type Control } from "./controls";

type Body =
  | { type: Control | "end" }
  | { type: "goto"; key: string }
  | { type: "add"; step: StepAddress }
  | { type: "names"; show: boolean }
  | { type: "reorder"; keys: string[] }
  | { type: "skip"; key: string; skip: boolean };

interface Props {
  sessionId: string;
  locale: string;
  initial: FacilitatorView;
  addable: AddableSection[];
  labels: ControlLabels;
}

/** Typing in a field (or a select) is never a shortcut. */
function inField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName);
}

export function LiveControl({ sessionId, locale, initial, addable, labels }: Props) {
  const { view: followed, connection, accept } = useLiveView(sessionId, "facilitator", initial);
  const view = followed ?? initial;
  const form = useFormState(labels.failed);
  const send = useSend();
  const stateUrl = `/api/live/${encodeURIComponent(sessionId)}/state?view=facilitator`;
  const reload = useQuery({ queryKey: queryKeys.liveView(sessionId, "facilitator"), queryFn: ({ signal }) => apiGet<FacilitatorView>(stateUrl, signal), enabled: false });
  const [confirmEnd, setConfirmEnd] = useState(false);
  // The newest seq this screen knows: a control answered before its view arrives still counts.
  const seqRef = useRef(view.seq);
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);
  /** A control to focus once the view is past the seq it was pressed on (a moved step's button). */
  const focusAfter = useRef<{ id: string; after: number } | null>(null);
  useEffect(() => {
    seqRef.current = Math.max(seqRef.current, view.seq);
  }, [view.seq]);

  const act = useCallback(
    (body: Body, options: { focus?: string } = {}) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      // Set before sending: the new view may arrive over the stream before the answer does.
      focusAfter.current = options.focus ? { id: options.focus, after: seqRef.current } : null;
      void form
        .run(async () => {
          try {
            const { seq } = await send<{ seq: number }>("POST", `/api/live/${encodeURIComponent(sessionId)}/control`, { ...body, seq: seqRef.current });
            seqRef.current = Math.max(seqRef.current, seq);
          } catch (e) {
            focusAfter.current = null;
            // Refused as it stands (another device moved on, or the control no longer applies): show where the session is now.
            if (e instanceof ApiError && e.status === 409) {
              const fresh = await reload.refetch();
              if (fresh.data) {
                accept(fresh.data);
                seqRef.current = Math.max(seqRef.current, fresh.data.seq);
              }
            }
            throw e;
          }
        })
        .finally(() => {
          busyRef.current = false;
          setBusy(false);
        });
    },
    [accept, form, reload, send, sessionId],
  );

  // Focus follows a moved step to its new place once the view shows it there.
  useEffect(() => {
    const pending = focusAfter.current;
    if (!pending || view.seq <= pending.after) return;
    const el = document.getElementById(pending.id);
    if (el && !(el as HTMLButtonElement).disabled) {
      focusAfter.current = null;
      el.focus();
    }
  }, [view]);

  const controls = availableControls(view);
  const ended = view.phase === "ended";

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || inField(e.target) || confirmEnd) return;
      const control = shortcutFor(e.key);
      if (!control || !controls.includes(control)) return;
      e.preventDefault();
      act({ type: control });
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [act, controls, confirmEnd]);

  function onOrder(a: OrderAction) {
    if (a.type !== "move") return act(a);
    const keys = view.order.map((s) => s.key);
    const at = keys.indexOf(a.key);
    const to = at + a.by;
    if (at < 1 || to < 1 || to >= keys.length) return;
    [keys[at], keys[to]] = [keys[to], keys[at]];
    // At the top or bottom the pressed button is disabled: focus its twin instead.
    const edge = (a.by < 0 && to === 1) || (a.by > 0 && to === keys.length - 1);
    const focus = orderButtonId(a.key, edge ? (a.by < 0 ? "down" : "up") : a.by < 0 ? "up" : "down");
    act({ type: "reorder", keys }, { focus });
  }

  const currentItem = view.order.find((s) => s.key === view.current);
  const phaseLabel = view.phase === "open" && !view.accepting ? labels.phase_closed : labels[`phase_${view.phase}` as const];
  const onScreen = currentItem ? stepName(currentItem, labels) : labels.kind_lobby;
  const inOrder = new Set(view.order.map((s) => s.key));
  const connectionLabel = connection === "live" ? labels.live : connection === "reconnecting" ? labels.reconnecting : labels.connecting;
  const hasNext = controls.includes("next");

  return (
    <FormScope form={form}>
      <div className="live-ctl-control" aria-busy={busy || undefined}>
        <section className="card live-ctl-summary" aria-labelledby="live-ctl-code-title">
          <div className="live-ctl-code">
            <h2 id="live-ctl-code-title">{labels.code}</h2>
            <p className="live-ctl-code-value">{view.code}</p>
          </div>
          <div className="live-ctl-summary-facts">
            <p className="live-ctl-people">{fill(labels.people, { count: view.participants })}</p>
            <p className={`live-ctl-connection is-${connection}`}>{connectionLabel}</p>
            <p>
              <a className="button secondary" href={`/${locale}/facilitate/live/${encodeURIComponent(sessionId)}/projector`} target="_blank" rel="noopener">
                {labels.openProjector}
              </a>
            </p>
            <p className="meta">{labels.projectorHint}</p>
          </div>
        </section>

        <FormError title={labels.errorTitle} id="live-ctl-control-error" level={2} />
        <p className="visually-hidden" role="status">
          {fill(labels.nowShowing, { step: onScreen })}. {phaseLabel}.
        </p>

        <div className="live-ctl-layout">
          <section className="card live-ctl-current" aria-labelledby="live-ctl-current-title">
            <div className="live-ctl-current-head">
              <h2 id="live-ctl-current-title">{labels.onScreen}</h2>
              <span className={`tag live-ctl-phase is-${view.phase}`}>{phaseLabel}</span>
              {view.step.kind !== "lobby" && <span className="live-ctl-kind">{labels[`kind_${view.step.kind}`]}</span>}
            </div>
            {ended ? (
              <div className="live-ctl-ended">
                <p className="live-ctl-prompt">{labels.ended}</p>
                <p>
                  <a className="button" href={`/${locale}/facilitate`}>
                    {labels.backToGroups}
                  </a>
                </p>
              </div>
            ) : (
              <>
                <div className="live-ctl-actions" role="group" aria-label={labels.actions}>
                  {controls.map((control) => (
                    <button
                      key={control}
                      type="button"
                      className={control === controls[0] ? "button" : "button secondary"}
                      aria-keyshortcuts={SHORTCUTS[control]?.toUpperCase()}
                      aria-disabled={busy || undefined}
                      onClick={() => act({ type: control })}
                    >
                      {control === "next" && view.step.kind === "discernment" && view.step.index + 1 < view.step.total ? labels.nextPost : labels[CONTROL_LABEL[control]]}
                      {SHORTCUTS[control] && (
                        <kbd className="live-ctl-kbd" aria-hidden="true">
                          {SHORTCUTS[control]!.toUpperCase()}
                        </kbd>
                      )}
                    </button>
                  ))}
                </div>
                {view.phase === "lobby" && !controls.includes("start") && <p className="live-ctl-note">{labels.onlyLobby}</p>}
                {view.phase !== "lobby" && !hasNext && <p className="live-ctl-note">{labels.lastStep}</p>}
              </>
            )}

            <CurrentStep view={view} labels={labels} />

            {currentItem?.plan && (
              <div className="live-ctl-plan">
                <h3>{fill(labels.planTitle, { title: currentItem.plan.title })}</h3>
                <p className="meta">{fill(labels.minutes, { minutes: currentItem.plan.minutes })}</p>
                <h4>{labels.say}</h4>
                <PlanNotes markdown={currentItem.plan.say} />
              </div>
            )}
          </section>

          <div className="live-ctl-side">
            <section className="card" aria-labelledby="live-ctl-people-title">
              <h2 id="live-ctl-people-title">{labels.whoJoined}</h2>
              {!ended && (
                <div className="live-ctl-names-toggle">
                  <button type="button" className="button secondary" aria-pressed={view.showNames} aria-describedby="live-ctl-names-hint" aria-disabled={busy || undefined} onClick={() => act({ type: "names", show: !view.showNames })}>
                    {labels.names}
                  </button>
                  <p className="meta" id="live-ctl-names-hint">
                    {labels.namesHint}
                  </p>
                </div>
              )}
              {view.names.length ? (
                <ul className="live-ctl-names">
                  {view.names.map((name, i) => (
                    <li key={i}>
                      <bdi>{name}</bdi>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="meta">{view.participants > 0 ? fill(labels.people, { count: view.participants }) : labels.nobody}</p>
              )}
            </section>

            {!ended && (
              <section className="card" aria-labelledby="live-ctl-add-title">
                <h2 id="live-ctl-add-title">{labels.add}</h2>
                <AddStep sections={addable} inOrder={inOrder} labels={labels} busy={busy} disabled={ended} onAdd={(item) => act({ type: "add", step: item.address })} />
              </section>
            )}

            <section className="card" aria-labelledby="live-ctl-order-title">
              <h2 id="live-ctl-order-title">{labels.order}</h2>
              <p className="meta">{labels.orderHint}</p>
              <RunningOrder view={view} labels={labels} busy={busy} onAction={onOrder} />
            </section>

            {!ended && (
              <section className="card live-ctl-shortcuts" aria-labelledby="live-ctl-shortcuts-title">
                <h2 id="live-ctl-shortcuts-title">{labels.shortcuts}</h2>
                <p className="meta">{labels.shortcutsHint}</p>
                <dl>
                  {(Object.entries(SHORTCUTS) as [Control, string][]).map(([control, key]) => (
                    <div key={control}>
                      <dt>
                        <kbd className="live-ctl-kbd">{key.toUpperCase()}</kbd>
                      </dt>
                      <dd>{labels[CONTROL_LABEL[control]]}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            )}

            {!ended && (
              <section className="card danger-zone live-ctl-end" aria-labelledby="live-ctl-end-title">
                <h2 id="live-ctl-end-title">{labels.end}</h2>
                {confirmEnd ? (
                  <div role="group" aria-labelledby="live-ctl-end-confirm">
                    <p id="live-ctl-end-confirm">{labels.endConfirm}</p>
                    <div className="actions">
                      <button type="button" className="button danger" aria-disabled={busy || undefined} onClick={() => act({ type: "end" })}>
                        {labels.endYes}
                      </button>
                      <button type="button" className="button secondary" onClick={() => setConfirmEnd(false)}>
                        {labels.endNo}
                      </button>
                    </div>
                  </div>
                ) : (
                  <button type="button" className="button secondary" onClick={() => setConfirmEnd(true)}>
                    {labels.end}
                  </button>
                )}
              </section>
            )}
          </div>
        </div>
      </div>
    </FormScope>
  );
}
