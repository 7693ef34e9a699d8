// Generators for fuzzing request bodies: hostile values, near-valid bodies (a valid body with one
// field broken), arbitrary JSON, invalid JSON text and wrong content types.
import fc from "fast-check";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Runs per property: FUZZ_RUNS (default 1000). */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1000) || 1000);

/** fast-check parameters: the run count, and FUZZ_SEED to replay a reported failure. */
export function fuzzParams(runs = FUZZ_RUNS): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  return { numRuns: runs, ...(seed !== undefined ? { seed } : {}), ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) };
}

/** Keys that pollute prototypes when code copies objects carelessly. */
export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "__defineGetter__", "toString", "hasOwnProperty"];

const hugeString = fc.integer({ min: 1_000, max: 70_000 }).chain((n) => fc.constantFrom("x", "é", "😀", "\u0000").map((c) => c.repeat(n)));

const trickyStrings = fc.constantFrom(
  "", " ", "\t\n", "null", "undefined", "true", "NaN", "Infinity", "-Infinity", "-1", "1e999", "0x1F", "00000000",
  "\u0000", "\u202e\u0645\u0631\u062d\u0628\u0627", "\u200b", "Ω≈ç√∫", "𝕿𝖍𝖊", "ＡＢＣ", "İı", "ß", "e\u0301", "\ud800", "\udfff",
  "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE users; --", "../../etc/passwd", "%00", "%E0%A4%A", "${7*7}", "{{7*7}}",
  "=HYPERLINK(\"x\")", "@SUM(1)", "__proto__", "constructor", "a".repeat(81), "A".repeat(255),
  // Valid-looking but long: a slug and an email address that pass their regular expressions.
  `${"a-".repeat(300)}a`, `${"x".repeat(60)}@${"long-".repeat(40)}example.org`,
);

const trickyNumbers = fc.constantFrom(-1, 0, -0, 0.5, 1.5, -2.5, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 100, 101, 10_001);

/** One hostile JSON value: wrong types, huge and unicode strings, odd numbers, nested junk. */
export function nastyValue(ids: readonly string[] = []): fc.Arbitrary<Json> {
  const arbs: fc.WeightedArbitrary<Json>[] = [
    { arbitrary: fc.constant(null), weight: 2 },
    { arbitrary: fc.boolean(), weight: 2 },
    { arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), trickyNumbers), weight: 4 },
    { arbitrary: trickyStrings, weight: 5 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 3 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 2 },
    { arbitrary: hugeString, weight: 1 },
    { arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxLength: 5 }), weight: 2 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxKeys: 4 }), weight: 2 },
    { arbitrary: protoBomb(), weight: 1 },
  ];
  if (ids.length) arbs.push({ arbitrary: fc.constantFrom(...ids), weight: 4 });
  return fc.oneof(...arbs);
}

/** An object whose own keys are prototype names, as JSON.parse would build it from a body. */
function protoBomb(): fc.Arbitrary<Json> {
  return fc.constantFrom(PROTO_KEYS[0], PROTO_KEYS[1], PROTO_KEYS[2]).map((k) => JSON.parse(`{"${k}":{"role":"admin","polluted":true,"prototype":{"polluted":true}}}`) as Json);
}

/** Sets an own property, even one named "__proto__" (plain assignment would change the prototype). */
function setOwn(obj: Record<string, Json>, key: string, value: Json) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const clone = (v: Json): Json => JSON.parse(JSON.stringify(v)) as Json;

/** Every path to a value inside `v` (the empty path is the whole value). */
function paths(v: Json, prefix: string[] = []): string[][] {
  const out: string[][] = [prefix];
  if (v && typeof v === "object") for (const k of Object.keys(v)) out.push(...paths((v as Record<string, Json>)[k], [...prefix, k]));
  return out;
}

type Mutation = { kind: "set" | "drop" | "add" | "stretch"; pick: number; key: string; value: Json; length: number };

function applyMutation(base: Json, m: Mutation): Json {
  const copy = clone(base);
  const all = paths(copy);
  const path = all[m.pick % all.length];
  if (path.length === 0) {
    if (m.kind === "add" && copy && typeof copy === "object" && !Array.isArray(copy)) {
      setOwn(copy, m.key, m.value);
      return copy;
    }
    return m.kind === "set" ? m.value : copy;
  }
  const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string, Json>)[k], copy) as Record<string, Json> | Json[];
  const last = path[path.length - 1];
  if (m.kind === "stretch") {
    // A string that still matches its pattern, only long: "xxxx…f2@fuzz.example", "xxxx…lesson-id".
    const target = (parent as Record<string, Json>)[last];
    if (typeof target === "string") (parent as Record<string, Json>)[last] = `${"x".repeat(m.length)}${target}`;
  } else if (m.kind === "drop") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === "add") {
    const target = parent[last as keyof typeof parent] as Json;
    if (target && typeof target === "object" && !Array.isArray(target)) setOwn(target, m.key, m.value);
    else if (Array.isArray(target)) target.push(m.value);
    else if (!Array.isArray(parent)) setOwn(parent, m.key, m.value);
  } else if (Array.isArray(parent)) parent[Number(last)] = m.value;
  else setOwn(parent, last, m.value);
  return copy;
}

/** A valid body with one field dropped, replaced by a hostile value, or an extra key added. */
export function nearValid(base: fc.Arbitrary<Json>, ids: readonly string[] = []): fc.Arbitrary<Json> {
  const extraKey = fc.oneof(
    { arbitrary: fc.constantFrom(...PROTO_KEYS, "role", "userId", "id", "ownerId", "admin"), weight: 4 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 4 },
    { arbitrary: fc.string({ unit: "grapheme", minLength: 300, maxLength: 3000 }), weight: 1 },
  );
  const mutation = fc.record({
    kind: fc.constantFrom("set", "set", "set", "drop", "add", "stretch") as fc.Arbitrary<Mutation["kind"]>,
    pick: fc.nat(),
    key: extraKey,
    value: nastyValue(ids),
    length: fc.integer({ min: 50, max: 5000 }),
  });
  return fc.tuple(base, mutation).map(([b, m]) => applyMutation(b, m));
}

export interface BodySpec {
  contentType: string | null;
  text: string;
}

const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8", "APPLICATION/JSON", "application/json; charset=\"utf-8\""];
// Types a browser sends cross-site without asking first (text/plain with any parameters among
// them) must never pass for JSON, whatever words they contain.
const WRONG_TYPES = [
  null, "", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonp",
  "text/plain; charset=application/json", "text/plain; application/json", "application/json-patch+json", "application/json; charset=utf-16", "application/json, text/plain",
];

/** Text that is not one JSON value: truncated, trailing garbage, comments, a BOM, empty, NUL bytes. */
function brokenJsonText(base: fc.Arbitrary<Json>): fc.Arbitrary<string> {
  return fc.oneof(
    base.chain((b) => {
      const s = JSON.stringify(b);
      return fc.nat(Math.max(0, s.length - 1)).map((n) => s.slice(0, n));
    }),
    base.map((b) => `${JSON.stringify(b)}}`),
    base.map((b) => `\ufeff${JSON.stringify(b)}`),
    base.map((b) => `// c\n${JSON.stringify(b)}`),
    fc.constantFrom("", " ", "{", "}", "[", "{'a':1}", "{a:1}", "NaN", "undefined", "{\"a\":1,}", "\u0000", "[1,2", "\"unterminated", "{\"__proto__\":", "1e999999"),
    fc.string({ unit: "binary", maxLength: 60 }),
  );
}

/** How the body travels: mostly JSON, sometimes invalid JSON text or a wrong content type. */
export function bodySpec(base: fc.Arbitrary<Json>, ids: readonly string[] = []): fc.Arbitrary<BodySpec> {
  const asJson = (v: fc.Arbitrary<Json>) => fc.tuple(fc.constantFrom(...JSON_TYPES), v).map(([contentType, value]) => ({ contentType, text: JSON.stringify(value) }));
  return fc.oneof(
    { arbitrary: asJson(nearValid(base, ids)), weight: 8 },
    // Valid bodies too (a quarter of runs), so requests get past validation to the authorisation
    // and the writes; `base` draws its ids from the whole world, other people's included.
    { arbitrary: asJson(base), weight: 6 },
    { arbitrary: asJson(fc.jsonValue() as fc.Arbitrary<Json>), weight: 2 },
    { arbitrary: asJson(fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true }).map((v) => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x)) ?? "null") as Json)), weight: 1 },
    { arbitrary: asJson(nastyValue(ids)), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(...JSON_TYPES), brokenJsonText(base)).map(([contentType, text]) => ({ contentType, text })), weight: 2 },
    {
      arbitrary: fc.tuple(fc.constantFrom(...WRONG_TYPES), fc.oneof(base.map((b) => JSON.stringify(b)), fc.constant("email=a%40b.c&password=x"), fc.string({ maxLength: 30 }))).map(
        ([contentType, text]) => ({ contentType, text }),
      ),
      weight: 2,
    },
  );
}

/** Query-string pairs for GET handlers: valid keys with hostile values and junk keys. */
export function querySpec(validKeys: Record<string, fc.Arbitrary<string>> = {}): fc.Arbitrary<[string, string][]> {
  const keys = Object.keys(validKeys);
  const junkValue = fc.oneof(fc.string({ maxLength: 30 }), trickyStrings, fc.string({ unit: "grapheme", maxLength: 20 }));
  const pair = fc.oneof(
    ...(keys.length ? [fc.constantFrom(...keys).chain((k) => fc.oneof(validKeys[k], junkValue).map((v): [string, string] => [k, v]))] : []),
    fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS, "locale", "userId", "cohort"), fc.string({ maxLength: 10 })), junkValue),
  );
  return fc.array(pair, { maxLength: 4 });
}

/** A path segment: a known id (weighted up), a random UUID, or junk that is not a UUID. */
export function idSegment(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 8 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: fc.constantFrom(...known).map((id) => id.toUpperCase()), weight: 1 },
    { arbitrary: fc.constantFrom(...known).map((id) => ` ${id}`), weight: 1 },
    { arbitrary: fc.oneof(trickyStrings, fc.string({ maxLength: 40 }), fc.constantFrom("..", "%2e%2e", "null", "0", "-1", "*")), weight: 2 },
  );
}
