// Server errors as codes (issue #25): the typed catalogue, every key in every locale with the
// arguments its type names, the locale a request is answered in, and zod problems as keys.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTranslator } from "use-intl/core";
import { AppError, errorKey, notFound, type ServerErrorKey } from "@/lib/errors";
import { userName } from "@/lib/text/name-schema";
import { knownLocale, negotiate, requestLocale, serverErrorText, serverLocales, serverTranslator } from "./error-text";
import { errorResponse } from "./handler";
import { issueMessage } from "./zod-errors";

/** The catalogue as written in lib/errors.ts: key -> the argument names its type declares. */
function catalogue(): Map<string, string[]> {
  const source = fs.readFileSync(path.join(process.cwd(), "lib/errors.ts"), "utf8");
  const body = source.slice(source.indexOf("export interface ServerErrorArgs {"), source.indexOf("\n}\n", source.indexOf("export interface ServerErrorArgs {")));
  const entries = [...body.matchAll(/^\s+"([^"]+)": (NoArgs|\{([^}]*)\});$/gm)].map((m) => [m[1], m[3] ? [...m[3].matchAll(/(\w+):/g)].map((a) => a[1]) : []] as const);
  return new Map(entries);
}

function flatten(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const messages = (locale: string) => JSON.parse(fs.readFileSync(path.join(process.cwd(), "content", locale, "messages.json"), "utf8")) as Record<string, unknown>;
/** The top-level ICU arguments of a message ({name} and {name, plural|number, ...}). */
const argumentsOf = (text: string) => new Set([...text.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((m) => m[1]).filter((a) => !/^(one|other|zero|two|few|many)$/.test(a)));
const sample = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, n === "codePoint" || n === "item" || n === "question" ? "x" : 3]));

const request = (headers: Record<string, string>) => new Request("http://localhost:3500/api/x", { headers });

describe("the catalogue", () => {
  it("is typed: a wrong, missing or extra argument does not compile", () => {
    // @ts-expect-error capacity is a number
    void new AppError("conflict", "live.full", { capacity: "many" });
    // @ts-expect-error capacity is required
    void new AppError("conflict", "live.full");
    // @ts-expect-error this message takes no arguments
    void new AppError("not_found", "notFound.group", { id: "x" });
    // @ts-expect-error not a key of ServerErrorArgs
    void new AppError("not_found", "Group not found.");
    // @ts-expect-error zod schemas may only name keys without arguments
    void errorKey("live.full");
    // @ts-expect-error notFound names a thing of the catalogue
    void notFound("Group");
    const e = new AppError("conflict", "live.full", { capacity: 1000 }, { field: "code" });
    expect(e).toMatchObject({ code: "conflict", key: "live.full", args: { capacity: 1000 }, status: 409, details: { field: "code" }, message: "live.full" });
    expect(notFound("liveSession")).toMatchObject({ key: "notFound.liveSession", status: 404 });
  });

  it("lists the locales that have a messages.json", () => {
    const onDisk = fs.readdirSync(path.join(process.cwd(), "content")).filter((d) => fs.existsSync(path.join(process.cwd(), "content", d, "messages.json")));
    expect([...serverLocales()]).toEqual(onDisk.sort());
    expect(serverLocales()).toEqual(expect.arrayContaining(["ar", "en", "es", "fr"]));
  });

  it.each(["en", "fr", "es", "ar"])("has every key of lib/errors.ts in %s, and no other, each using exactly its typed arguments", (locale) => {
    const types = catalogue();
    expect(types.size).toBeGreaterThan(90);
    const texts = flatten(messages(locale).serverErrors);
    expect([...texts.keys()].sort()).toEqual([...types.keys()].sort());
    for (const [key, args] of types) {
      expect([...argumentsOf(texts.get(key)!)].sort(), `${locale} ${key}`).toEqual([...args].sort());
    }
  });

  it.each(serverLocales())("formats every message of %s without an ICU error", (locale) => {
    const t = createTranslator({ locale, messages: messages(locale), namespace: "serverErrors", onError: (e) => { throw e; } }) as unknown as (k: string, a: object) => string;
    for (const [key, args] of catalogue()) expect(t(key, sample(args)), `${locale} ${key}`).not.toContain(key);
  });

  it("knows every key written in the files that throw AppError (the compiler checks them too)", () => {
    const types = catalogue();
    const prefixes = [...new Set([...types.keys()].map((k) => k.split(".")[0]))].join("|");
    const pattern = new RegExp(`["\`]((?:${prefixes})\\.[A-Za-z]+(?:\\.[A-Za-z]+)?)["\`]`, "g");
    const unknown: string[] = [];
    let files = 0;
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
          const text = fs.readFileSync(full, "utf8");
          if (!/from "(@\/lib\/errors|\.\.?\/errors)"/.test(text)) continue;
          files++;
          // Log event names ("auth.denied") share the dotted shape: they are not messages.
          for (const m of text.matchAll(pattern)) if (!types.has(m[1]) && !/\blog\($/.test(text.slice(0, m.index))) unknown.push(`${path.relative(process.cwd(), full)}: ${m[1]}`);
        }
      }
    };
    for (const dir of ["lib", "app", "components"]) walk(path.join(process.cwd(), dir));
    expect(files).toBeGreaterThan(20);
    expect(unknown).toEqual([]);
  });
});

describe("serverErrorText", () => {
  it("words a key in the locale, with its arguments formatted for it", () => {
    expect(serverErrorText("en", { key: "live.full", args: { capacity: 1000 } })).toBe("This session is full: it takes up to 1,000 people. Follow along on the big screen.");
    expect(serverErrorText("fr", { key: "live.full", args: { capacity: 1000 } })).toMatch(/^Cette session est complète : elle accueille au plus 1\s000 personnes\./);
    expect(serverErrorText("en", { key: "rateLimit.tooManyAttempts", args: { minutes: 1 } })).toContain("1 minute.");
    expect(serverErrorText("es", { key: "rateLimit.tooManyAttempts", args: { minutes: 5 } })).toContain("5 minutos");
    expect(serverErrorText("ar", { key: "rateLimit.tooManyAttempts", args: { minutes: 2 } })).toContain("دقيقتين");
  });

  it("falls back to English for a locale without messages, or a key a locale lacks", () => {
    expect(serverErrorText("xx", { key: "notFound.group" })).toBe("Group not found.");
    expect(serverErrorText("fr", { key: "no.such" as ServerErrorKey })).toBe(serverErrorText("fr", { key: "http.internal" }));
    expect(serverErrorText("fr", { key: "http.internal" })).toMatch(/^Un problème est survenu/);
  });
});

describe("requestLocale", () => {
  it("takes the page's X-Locale first", () => {
    expect(requestLocale(request({ "x-locale": "fr", cookie: "NEXT_LOCALE=es", "accept-language": "ar" }))).toBe("fr");
  });
  it("then the NEXT_LOCALE cookie", () => {
    expect(requestLocale(request({ cookie: "a=1; NEXT_LOCALE=es; b=2", "accept-language": "ar" }))).toBe("es");
    expect(requestLocale(request({ "x-locale": "xx", cookie: "NEXT_LOCALE=es" }))).toBe("es");
  });
  it("then Accept-Language, negotiated among the locales with messages", () => {
    expect(requestLocale(request({ cookie: "NEXT_LOCALE=zz", "accept-language": "de-DE, ar-EG;q=0.8, fr;q=0.9" }))).toBe("fr");
    expect(requestLocale(request({ "accept-language": "ar-MA" }))).toBe("ar");
    expect(negotiate("pt-BR, es;q=0.1", ["en", "es"])).toBe("es");
    expect(negotiate("fr;q=0, en;q=0.5", ["en", "fr"])).toBe("en");
  });
  it("else English", () => {
    expect(requestLocale(request({ "accept-language": "de, ja" }))).toBe("en");
    expect(requestLocale(request({}))).toBe("en");
    expect(requestLocale(undefined)).toBe("en");
  });
});

describe("errorResponse", () => {
  it("answers a French page in French, with the code and arguments", async () => {
    const res = errorResponse(new AppError("conflict", "live.full", { capacity: 1000 }), request({ "x-locale": "fr" }));
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body).toMatchObject({ code: "live.full", args: { capacity: 1000 } });
    expect(body.error).toMatch(/^Cette session est complète/);
  });
  it("keeps the field and the wait of a rate limit", async () => {
    const res = errorResponse(new AppError("throttled", "auth.tooManyWrongPasswords", { minutes: 2 }, { field: "password", retryAfterSeconds: 90 }), request({ "x-locale": "ar" }));
    expect(res.headers.get("retry-after")).toBe("90");
    expect(await res.json()).toEqual({ error: expect.stringContaining("دقيقتين"), code: "auth.tooManyWrongPasswords", args: { minutes: 2 }, field: "password", retryAfterSeconds: 90 });
  });
  it("words an unexpected error in the page's language too, and says nothing of it", async () => {
    const res = errorResponse(new Error("secret detail"), request({ "x-locale": "es" }));
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({ error: expect.stringMatching(/^Algo ha fallado/), code: "http.internal" });
  });
});

describe("zod problems as keys", () => {
  const first = (schema: z.ZodType, value: unknown) => issueMessage(schema.safeParse(value, { reportInput: true }).error!.issues[0]);
  it.each([
    ["a missing field", z.object({ a: z.string() }), {}, { key: "validation.required" }],
    ["a wrong type", z.string(), 3, { key: "validation.invalidType" }],
    ["a short string", z.string().min(8), "abc", { key: "validation.tooSmall.string", args: { minimum: 8 } }],
    ["a long string", z.string().max(3), "abcd", { key: "validation.tooBig.string", args: { maximum: 3 } }],
    ["a small number", z.number().int().min(1), 0, { key: "validation.tooSmall.number", args: { minimum: 1 } }],
    ["a big number", z.number().max(5), 6, { key: "validation.tooBig.number", args: { maximum: 5 } }],
    ["a short list", z.array(z.string()).min(1), [], { key: "validation.tooSmall.array", args: { minimum: 1 } }],
    ["a long list", z.array(z.string()).max(1), ["a", "b"], { key: "validation.tooBig.array", args: { maximum: 1 } }],
    ["an email", z.email(), "nope", { key: "validation.invalidFormat.email" }],
    ["a uuid", z.uuid(), "nope", { key: "validation.invalidFormat.uuid" }],
    ["a date", z.iso.date(), "tomorrow", { key: "validation.invalidFormat.date" }],
    ["a pattern", z.string().regex(/^a$/), "b", { key: "validation.invalidFormat.other" }],
    ["an option", z.enum(["a", "b"]), "c", { key: "validation.invalidValue" }],
    ["an unknown key", z.strictObject({}), { x: 1 }, { key: "validation.unrecognizedKeys" }],
    ["a schema's own key", z.string().refine(() => false, errorKey("content.unknownActivity")), "x", { key: "content.unknownActivity", args: {} }],
    ["a schema's developer words", z.string().refine(() => false, "unknown lesson"), "x", { key: "validation.invalid" }],
    ["a refused name, with its code point", userName("names.groupEmpty", 80), "Ann\u202E", { key: "names.bidi", args: { codePoint: "U+202E" } }],
    ["an empty name", userName("names.groupEmpty", 80), "  ", { key: "names.groupEmpty", args: {} }],
  ] as const)("%s", (_what, schema, value, expected) => {
    expect(first(schema, value)).toEqual(expected);
  });
});

describe("serverTranslator: server-made text in a locale", () => {
  it("formats a namespace's key in the locale, with English for a locale the app lacks", () => {
    expect(serverTranslator("fr", "csv")("lessonBest", { number: "1.1", title: "Rumeurs" })).toBe("1.1 Rumeurs (meilleur score, %)");
    expect(serverTranslator("es", "csv")("yes")).toBe("sí");
    expect(serverTranslator("xx", "csv")("learner")).toBe("Learner");
  });

  it("knows the app's locales in any case and nothing else", () => {
    expect(knownLocale("FR")).toBe("fr");
    expect(knownLocale("ar")).toBe("ar");
    for (const bad of ["xx", "", "../en", undefined, null]) expect(knownLocale(bad)).toBeUndefined();
  });
});
