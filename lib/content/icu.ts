// The arguments of an ICU message ("{name}", "{count, plural, one {...} other {...}}"), so the
// content check can tell a translated message that lost or renamed a placeholder, or that names a
// plural form its language does not have. Pure; a small reader of the ICU syntax next-intl uses
// (apostrophes quote braces; '' is an apostrophe), not a formatter.

export interface IcuArgument {
  /** "string" for a bare {name}; otherwise the ICU type: plural, select, selectordinal, number, date, time. */
  type: string;
  /** The selectors of a plural or select (one, other, =0, a select's values). */
  selectors: string[];
}

export type IcuArguments = Map<string, IcuArgument>;

const SELECTING = new Set(["plural", "select", "selectordinal"]);
const CLDR_ORDER = ["zero", "one", "two", "few", "many", "other"];

/** Every argument of a message, nested ones included; throws on unbalanced braces. */
export function icuArguments(message: string): IcuArguments {
  const args: IcuArguments = new Map();
  let i = 0;

  const add = (name: string, type: string, selectors: string[]) => {
    const seen = args.get(name);
    if (seen) seen.selectors = [...new Set([...seen.selectors, ...selectors])];
    else args.set(name, { type, selectors });
  };

  const token = (stop: RegExp): string => {
    const start = i;
    while (i < message.length && !stop.test(message[i])) i++;
    return message.slice(start, i).trim();
  };
  const skipSpace = () => {
    while (i < message.length && /\s/.test(message[i])) i++;
  };

  // Reads text up to the closing brace of the enclosing argument (or the end at the top level).
  const text = (nested: boolean) => {
    while (i < message.length) {
      const c = message[i];
      if (c === "'") {
        if (message[i + 1] === "'") {
          i += 2;
        } else if (/[{}#|]/.test(message[i + 1] ?? "")) {
          const end = message.indexOf("'", i + 1);
          i = end < 0 ? message.length : end + 1;
        } else {
          i++;
        }
      } else if (c === "{") {
        i++;
        argument();
      } else if (c === "}") {
        if (!nested) throw new Error("a closing brace without its opening one");
        return;
      } else {
        i++;
      }
    }
    if (nested) throw new Error("an opening brace without its closing one");
  };

  const argument = () => {
    const name = token(/[,}]/);
    if (!name) throw new Error("an empty placeholder {}");
    if (message[i] === "}") {
      i++;
      add(name, "string", []);
      return;
    }
    i++; // ","
    const type = token(/[,}]/);
    if (!SELECTING.has(type)) {
      // number, date, time with an optional style: nothing nested to read.
      const close = message.indexOf("}", i);
      if (close < 0) throw new Error(`the placeholder {${name}, ${type}} is not closed`);
      i = close + 1;
      add(name, type, []);
      return;
    }
    i++; // ","
    const selectors: string[] = [];
    for (;;) {
      skipSpace();
      if (i >= message.length) throw new Error(`the ${type} {${name}} is not closed`);
      if (message[i] === "}") {
        i++;
        break;
      }
      const selector = token(/[\s{}]/);
      if (selector.startsWith("offset:")) continue;
      skipSpace();
      if (message[i] !== "{") throw new Error(`the ${type} {${name}} needs a message in braces after "${selector}"`);
      i++;
      text(true);
      i++; // the closing brace
      selectors.push(selector);
    }
    add(name, type, selectors);
  };

  text(false);
  return args;
}

/**
 * How a translated message's arguments differ from its source's: a missing, extra or retyped
 * placeholder, a select that lost a case, a plural without "other" or with a form its language
 * lacks (errors); a plural form the language has that the message leaves to "other" (warnings).
 */
export function compareIcu(source: string, translated: string, locale: string): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  let src: IcuArguments;
  let tr: IcuArguments;
  try {
    src = icuArguments(source);
  } catch {
    return { errors, warnings }; // The source's own syntax is not the translation's problem.
  }
  try {
    tr = icuArguments(translated);
  } catch (e) {
    return { errors: [`not a valid message: ${(e as Error).message}`], warnings };
  }
  for (const [name, arg] of src) {
    const t = tr.get(name);
    if (!t) {
      errors.push(`the placeholder {${name}} is missing`);
      continue;
    }
    if (t.type !== arg.type) {
      errors.push(`{${name}} is a ${t.type} here and a ${arg.type} in the source`);
      continue;
    }
    if (arg.type === "select") {
      const missing = arg.selectors.filter((s) => !t.selectors.includes(s));
      const extra = t.selectors.filter((s) => !arg.selectors.includes(s));
      if (missing.length > 0) errors.push(`the select {${name}} lacks the case${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
      if (extra.length > 0) errors.push(`the select {${name}} has case${extra.length > 1 ? "s" : ""} the source does not: ${extra.join(", ")}`);
    }
    if (arg.type === "plural" || arg.type === "selectordinal") {
      const categories = (new Intl.PluralRules(locale, { type: arg.type === "plural" ? "cardinal" : "ordinal" }).resolvedOptions().pluralCategories as string[])
        .slice()
        .sort((a, b) => CLDR_ORDER.indexOf(a) - CLDR_ORDER.indexOf(b));
      if (!t.selectors.includes("other")) errors.push(`the ${arg.type} {${name}} needs an "other" form`);
      const unknown = t.selectors.filter((s) => !s.startsWith("=") && !categories.includes(s));
      if (unknown.length > 0) errors.push(`the ${arg.type} {${name}} has form${unknown.length > 1 ? "s" : ""} ${locale} does not use: ${unknown.join(", ")} (${locale} has ${categories.join(", ")})`);
      // Only forms a count of 0 to 1000 takes: French and Spanish "many" is for millions.
      const rules = new Intl.PluralRules(locale, { type: arg.type === "plural" ? "cardinal" : "ordinal" });
      const reached = new Set<string>(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
      const left = categories.filter((c) => c !== "other" && reached.has(c) && !t.selectors.includes(c));
      if (left.length > 0) warnings.push(`the ${arg.type} {${name}} leaves ${left.join(", ")} to "other"`);
    }
  }
  for (const name of tr.keys()) if (!src.has(name)) errors.push(`the placeholder {${name}} is not in the source`);
  return { errors, warnings };
}
