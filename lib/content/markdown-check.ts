// Checks on a lesson body that a schema cannot express. Pure: text in, messages out.

/** The container directives a lesson may use. `:::scenario` marks a fictional story. */
export const DIRECTIVES = ["scenario"] as const;

/** Returns one message per problem found in the Markdown body of a lesson. */
export function checkLessonBody(body: string): string[] {
  const problems: string[] = [];
  let open: { name: string; line: number } | undefined;
  body.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (!line.startsWith(":::")) return;
    const name = /^:::\s*([a-z-]*)/.exec(line)?.[1] ?? "";
    if (name === "") {
      if (!open) problems.push(`line ${i + 1}: ":::" closes a block that was never opened`);
      open = undefined;
      return;
    }
    if (!(DIRECTIVES as readonly string[]).includes(name)) {
      problems.push(`line ${i + 1}: unknown block ":::${name}" (known: ${DIRECTIVES.map((d) => `:::${d}`).join(", ")})`);
      return;
    }
    if (open) problems.push(`line ${i + 1}: ":::${name}" opens inside ":::${open.name}" from line ${open.line}; close that one first`);
    open = { name, line: i + 1 };
  });
  if (open) problems.push(`line ${open.line}: ":::${open.name}" is never closed with ":::"`);
  if (/^#\s/m.test(body)) problems.push("use ## and below for headings: the page gives the lesson title as its only # heading");
  return problems;
}
