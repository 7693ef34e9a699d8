// Calling route handlers in-process, and the checks every fuzzed response must pass.
import fs from "node:fs";
import path from "node:path";
import type { BodySpec } from "./values";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];
export type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type Handler = (request: Request, context: RouteContext) => Promise<Response>;

export const ORIGIN = "http://localhost:3500";

const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

/** "/api/cohorts/[cohort]/archive" with { cohort: "x y" } -> "/api/cohorts/x%20y/archive". */
export function fillPath(route: string, params: Record<string, string>): string {
  // A lone surrogate cannot travel in a URL; the handler still receives it raw in `params`.
  return route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) => encodeURIComponent(wellFormed(params[name] ?? "")));
}

/** A Request exactly as sent: the body as bytes, so no content type is added behind our back. */
export function buildRequest(method: Method, urlPath: string, body?: BodySpec, query: [string, string][] = [], headers: Record<string, string> = {}): Request {
  const url = new URL(urlPath, ORIGIN);
  for (const [k, v] of query) url.searchParams.append(k, v);
  const h = new Headers(headers);
  if (body?.contentType) h.set("content-type", body.contentType);
  return new Request(url, { method, headers: h, ...(body && method !== "GET" ? { body: new TextEncoder().encode(body.text) } : {}) });
}

const STACK = /\n\s*at\s|\bat\s+\S+\s+\(|node:internal|\.(?:ts|js|mjs|cjs):\d+/;
const INTERNALS = /SQLITE_|SqliteError|ZodError|TypeError|ReferenceError|SyntaxError|RangeError|URIError|Kysely|better-sqlite3|\[object Object\]|Cannot read prop/;

/** The reasons an error message is not one a person can act on, or [] when it is fine. */
export function errorMessageProblems(message: unknown): string[] {
  if (typeof message !== "string") return [`"error" is ${typeof message}, not a string`];
  const problems: string[] = [];
  if (!message.trim()) problems.push("the message is empty");
  if (message.length > 400) problems.push(`the message is ${message.length} characters long`);
  if (!/\p{L}{2,}/u.test(message)) problems.push("the message has no words");
  if (STACK.test(message)) problems.push("the message looks like a stack trace");
  if (INTERNALS.test(message)) problems.push("the message names internals");
  return problems;
}

export interface Outcome {
  status: number;
  body: unknown;
}

/**
 * Calls the handler and checks the answer: no throw, never 5xx, and every rejection a 4xx with
 * a JSON `{ error: string }` a person can read. Throws (failing the property) otherwise.
 */
export async function callAndCheck(handler: Handler, request: Request, params: Record<string, string>): Promise<Outcome> {
  let res: Response;
  try {
    res = await handler(request, { params: Promise.resolve(params) });
  } catch (e) {
    throw new Error(`the handler threw instead of answering: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  const text = await res.text();
  const described = `${request.method} ${new URL(request.url).pathname} -> ${res.status} ${text.slice(0, 300)}`;
  if (res.status >= 500) throw new Error(`server error: ${described}`);
  if (!(res.status >= 200 && res.status < 300) && !(res.status >= 400 && res.status < 500)) throw new Error(`unexpected status: ${described}`);
  const type = res.headers.get("content-type") ?? "";
  if (res.status >= 400) {
    if (!type.includes("application/json")) throw new Error(`a rejection that is not JSON (${type}): ${described}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`a rejection whose body is not JSON: ${described}`);
    }
    const problems = errorMessageProblems((body as { error?: unknown } | null)?.error);
    if (problems.length) throw new Error(`unclear rejection (${problems.join("; ")}): ${described}`);
    return { status: res.status, body };
  }
  return { status: res.status, body: type.includes("application/json") ? JSON.parse(text) : text };
}

export interface RouteFile {
  /** "/api/cohorts/[cohort]/archive" */
  route: string;
  file: string;
  methods: Method[];
}

/** Every app/api/**\/route.ts with the HTTP methods it exports (read from the source). */
export function discoverRoutes(root = process.cwd()): RouteFile[] {
  const apiDir = path.join(root, "app", "api");
  const out: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        const methods = METHODS.filter((m) =>
          new RegExp(`export\\s+(?:const|let|var|async\\s+function|function)\\s+${m}\\b`).test(source) ||
          [...source.matchAll(/export\s*\{([^}]*)\}/g)].some((x) => x[1].split(",").some((part) => part.trim().split(/\s+as\s+/).pop() === m)),
        );
        const rel = path.relative(apiDir, dir).split(path.sep).filter(Boolean);
        out.push({ route: `/api${rel.length ? `/${rel.join("/")}` : ""}`, file: path.relative(root, full), methods });
      }
    }
  };
  walk(apiDir);
  return out.sort((a, b) => a.route.localeCompare(b.route));
}
