// A learner's HTTP client: a cookie jar, sign-up and sign-in through next-auth's credentials
// flow (csrf token, then POST /api/auth/callback/credentials), and answer submission.
import crypto from "node:crypto";

export interface AnswerBody {
  id: string;
  attemptId: string;
  locale: string;
  courseId: string;
  lessonId: string;
  questionId: string;
  chosen: string[];
}

/** What one POST of an answer came to. "network" covers refused, reset and timed-out connections. */
export type Outcome = { kind: "ack"; questionId: string } | { kind: "http"; status: number; body: string } | { kind: "network"; message: string };

const PASSWORD = "river lamp orchard 7";

export class Learner {
  readonly email = `durability-${crypto.randomUUID()}@example.org`;
  private readonly cookies = new Map<string, string>();
  userId = "";

  constructor(private readonly baseUrl: () => string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(pathname: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(`${this.baseUrl()}${pathname}`, { ...init, headers, redirect: "manual", signal: init.signal ?? AbortSignal.timeout(init.timeoutMs ?? 60_000) });
    this.remember(res);
    return res;
  }

  async signUpAndIn(role: "learner" | "facilitator" = "learner"): Promise<void> {
    const up = await this.request("/api/account", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: this.email, password: PASSWORD, displayName: "Durability learner", ...(role === "learner" ? {} : { role }) }),
    });
    if (up.status !== 201) throw new Error(`sign-up answered ${up.status}: ${await up.text()}`);
    const { csrfToken } = (await (await this.request("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: this.email, password: PASSWORD, json: "true" }).toString(),
    });
    await signIn.body?.cancel();
    const session = (await (await this.request("/api/auth/session")).json()) as { user?: { id?: string } };
    if (!session.user?.id) throw new Error(`sign-in failed (callback answered ${signIn.status})`);
    this.userId = session.user.id;
  }

  /** POSTs one answer; never throws. */
  async submit(answer: AnswerBody): Promise<Outcome> {
    try {
      const res = await this.request("/api/progress/answers", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(answer),
      });
      const body = await res.text();
      if (res.status >= 200 && res.status < 300) {
        const parsed = JSON.parse(body) as { questionId?: string };
        return { kind: "ack", questionId: String(parsed.questionId) };
      }
      return { kind: "http", status: res.status, body: body.slice(0, 300) };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      return { kind: "network", message: err.cause?.code ?? err.cause?.message ?? err.message };
    }
  }
}
