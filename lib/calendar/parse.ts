// A strict reader of iCalendar text, as a validator would read it: for the tests of the file the
// dashboard offers (unit and e2e), so they check the bytes a calendar app receives, not our intent.
// It refuses what RFC 5545 forbids or what we promise never to write, and names the line.

export interface ParsedProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface ParsedComponent {
  name: string;
  props: ParsedProperty[];
  children: ParsedComponent[];
}

const encoder = new TextEncoder();

/** TEXT unescaping (§3.3.11); a backslash before anything else is an error. */
export function unescapeText(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === ";" || c === ",") throw new Error(`an unescaped "${c}" in a TEXT value`);
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = value[++i];
    if (next === "n" || next === "N") out += "\n";
    else if (next === "\\" || next === ";" || next === ",") out += next;
    else throw new Error(`bad escape \\${next ?? "(end)"}`);
  }
  return out;
}

/** Parses a whole calendar; throws on bare CR or LF, a line over 75 octets, bad nesting or a malformed line. */
export function parseCalendar(text: string): ParsedComponent {
  if (!text.endsWith("\r\n")) throw new Error("the file must end with CRLF");
  const physical = text.slice(0, -2).split("\r\n");
  physical.forEach((line, i) => {
    if (/[\r\n]/.test(line)) throw new Error(`line ${i + 1}: a bare CR or LF`);
    const size = encoder.encode(line).length;
    if (size > 75) throw new Error(`line ${i + 1}: ${size} octets (at most 75)`);
    if (line === "") throw new Error(`line ${i + 1}: empty line`);
  });
  // Unfold: a line starting with a space or tab continues the previous one.
  const logical: string[] = [];
  for (const line of physical) {
    if (line[0] === " " || line[0] === "\t") {
      if (logical.length === 0) throw new Error("the file starts with a continuation line");
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const stack: ParsedComponent[] = [];
  let root: ParsedComponent | undefined;
  for (const [i, line] of logical.entries()) {
    const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*))*):(.*)$/.exec(line);
    if (!m) throw new Error(`content line ${i + 1} is malformed: ${line}`);
    const name = m[1].toUpperCase();
    const params = Object.fromEntries([...m[2].matchAll(/;([A-Za-z0-9-]+)=("[^"]*"|[^";:,]*)/g)].map((p) => [p[1].toUpperCase(), p[2]]));
    const value = m[3];
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) throw new Error(`content line ${i + 1}: a control character`);
    if (name === "BEGIN") {
      const c: ParsedComponent = { name: value.toUpperCase(), props: [], children: [] };
      if (stack.length) stack[stack.length - 1].children.push(c);
      else if (root) throw new Error("more than one top-level component");
      else root = c;
      stack.push(c);
    } else if (name === "END") {
      const open = stack.pop();
      if (!open || open.name !== value.toUpperCase()) throw new Error(`content line ${i + 1}: END:${value} does not close ${open?.name ?? "anything"}`);
    } else {
      if (!stack.length) throw new Error(`content line ${i + 1}: a property outside any component`);
      stack[stack.length - 1].props.push({ name, params, value });
    }
  }
  if (stack.length) throw new Error(`${stack[stack.length - 1].name} is not closed`);
  if (!root || root.name !== "VCALENDAR") throw new Error("not a VCALENDAR");
  for (const required of ["VERSION", "PRODID"]) if (!root.props.some((p) => p.name === required)) throw new Error(`VCALENDAR without ${required}`);
  for (const event of root.children.filter((c) => c.name === "VEVENT")) {
    for (const required of ["UID", "DTSTAMP", "DTSTART"]) if (!event.props.some((p) => p.name === required)) throw new Error(`VEVENT without ${required}`);
    for (const p of event.props) if (["SUMMARY", "DESCRIPTION", "UID"].includes(p.name)) unescapeText(p.value);
  }
  return root;
}

/** The first value of a property, TEXT-unescaped. */
export function textOf(component: ParsedComponent, name: string): string | undefined {
  const p = component.props.find((x) => x.name === name);
  return p && unescapeText(p.value);
}
