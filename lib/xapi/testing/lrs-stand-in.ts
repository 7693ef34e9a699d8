// A small LRS for tests (data-layer tests and the admin page's e2e): an HTTP server with the one
// resource the app uses, POST <endpoint>/statements. It checks what a real LRS checks and keeps
// what it was given, so a test can assert on it:
//   - Basic auth (401 otherwise) and the X-Experience-API-Version header (400 without 1.0.x/2.0.x);
//   - every statement valid xAPI (xapi-validation; 400 for the whole batch otherwise);
//   - idempotency by id: the same id with the same content again is accepted and stored once; the
//     same id with other content is a 409, and nothing of that batch is stored;
//   - voiding: a voided statement is marked; a void of an unknown id is accepted (as the spec asks).
// It fails on demand: `failNext(n, 500)` answers n requests with that status, `failNext(n,
// "timeout")` never answers them (the client's timeout fires; close() drops them).
import http from "node:http";
import type { AddressInfo } from "node:net";
import validate from "xapi-validation";

type Failure = number | "timeout";

export interface LrsStandIn {
  /** The xAPI endpoint to configure: http://127.0.0.1:<port>/xapi/ */
  endpoint: string;
  /** Stored statements by id, as received. */
  statements: Map<string, Record<string, unknown>>;
  /** How many times each id was received in an accepted request (an identical resend counts again). */
  received: Map<string, number>;
  /** Ids of statements voided by a voiding statement. */
  voided: Set<string>;
  /** Every request to /statements, with the status given. */
  requests: { status: number | "timeout"; count: number }[];
  failNext(times: number, failure: Failure): void;
  close(): Promise<void>;
}

/** Key-order-independent JSON, for comparing a resend with what is stored. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

const VOIDED = "http://adlnet.gov/expapi/verbs/voided";

export async function startLrsStandIn(credentials: { key: string; secret: string }, port = 0): Promise<LrsStandIn> {
  const statements = new Map<string, Record<string, unknown>>();
  const voided = new Set<string>();
  const received = new Map<string, number>();
  const requests: LrsStandIn["requests"] = [];
  const failures: Failure[] = [];
  const expected = `Basic ${Buffer.from(`${credentials.key}:${credentials.secret}`).toString("base64")}`;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = (status: number, body?: unknown) => {
        requests.push({ status, count: Array.isArray(parsed) ? parsed.length : 1 });
        res.writeHead(status, body === undefined ? {} : { "Content-Type": "application/json" });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      let parsed: unknown;
      if (req.method !== "POST" || req.url !== "/xapi/statements") return answer(404);
      if (req.headers.authorization !== expected) return answer(401);
      if (!/^(1\.0\.\d+|2\.0\.\d+)$/.test(String(req.headers["x-experience-api-version"] ?? ""))) return answer(400, { error: "X-Experience-API-Version" });
      const failure = failures.shift();
      if (failure === "timeout") {
        requests.push({ status: "timeout", count: 0 });
        return; // never answered
      }
      if (failure !== undefined) return answer(failure);
      try {
        parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return answer(400, { error: "not JSON" });
      }
      const batch = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
      for (const s of batch) {
        const problems = validate(s);
        if (problems.length > 0 || typeof s.id !== "string") return answer(400, { error: "invalid statement" });
        const stored = statements.get(s.id);
        if (stored && canonical(stored) !== canonical(s)) return answer(409, { error: `statement ${s.id} exists with other content` });
      }
      for (const s of batch) {
        received.set(s.id as string, (received.get(s.id as string) ?? 0) + 1);
        if (statements.has(s.id as string)) continue;
        statements.set(s.id as string, s);
        const verb = s.verb as { id?: string } | undefined;
        const object = s.object as { objectType?: string; id?: string } | undefined;
        if (verb?.id === VOIDED && object?.objectType === "StatementRef" && object.id) voided.add(object.id);
      }
      answer(200, batch.map((s) => s.id));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}/xapi/`,
    statements,
    received,
    voided,
    requests,
    failNext(times, failure) {
      for (let i = 0; i < times; i++) failures.push(failure);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
