// A workshop's running order: where each part starts and ends from the top of the session.
// Pure, so the timings are unit-tested.

/** Minutes from the start as a clock offset: 5 -> "0:05", 90 -> "1:30". */
export function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

export interface AgendaSlot {
  id: string;
  start: number;
  end: number;
  minutes: number;
  /** "0:05–0:30" */
  range: string;
}

export function agenda(parts: readonly { id: string; minutes: number }[]): AgendaSlot[] {
  let at = 0;
  return parts.map((p) => {
    const start = at;
    at += p.minutes;
    return { id: p.id, start, end: at, minutes: p.minutes, range: `${clock(start)}–${clock(at)}` };
  });
}
