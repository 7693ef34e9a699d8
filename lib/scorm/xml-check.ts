// A small XML well-formedness check for the tests (no XML parser is installed): one root, tags
// balanced and properly nested, attributes quoted and not repeated, only the five predefined
// entities or character references, no "<" or "&" loose in text.
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  let roots = 0;
  const token = /<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  for (const m of body.matchAll(token)) {
    const [whole, close, name, attrs, selfClose, text, loose] = m;
    if (whole.startsWith("<!--")) continue;
    if (loose) {
      problems.push(`a loose "<" at ${m.index}`);
      break;
    }
    if (text !== undefined) {
      if (entity.test(text)) problems.push(`a bad entity in text at ${m.index}`);
      if (!stack.length && text.trim()) problems.push(`text outside the root at ${m.index}`);
      continue;
    }
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? "nothing"}>`);
      continue;
    }
    const seen = new Set<string>();
    for (const a of (attrs ?? "").matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*')/g)) {
      if (seen.has(a[1])) problems.push(`<${name}> repeats ${a[1]}`);
      seen.add(a[1]);
      if (entity.test(a[2])) problems.push(`<${name} ${a[1]}> has a bad entity`);
    }
    if (!stack.length) roots++;
    if (!selfClose) stack.push(name);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(" > ")}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** Values of an attribute on every element named `tag` (simple attribute syntax, as buildManifest writes). */
export function attributeValues(xml: string, tag: string, attribute: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))) {
    const a = new RegExp(`\\s${attribute}="([^"]*)"`).exec(m[1]);
    if (a) out.push(a[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
  }
  return out;
}
