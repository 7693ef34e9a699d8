// A stand-in LMS for the LTI tests: it signs with its own keys, publishes them at /jwks, answers
// the tool's OIDC login at /auth with an id_token (form post, as a real platform does), issues
// service tokens at /token after checking the tool's signed assertion against the tool's JWKS,
// records the scores posted to its line items (AGS) and serves a course's members (NRPS). Its
// /course/<name> page frames the tool, as an LMS course page does, from another origin.
// Used in-process by the unit tests (signIdToken) and as a server by the e2e spec.
import crypto from "node:crypto";
import http from "node:http";
import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";

export const LTI_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";

export interface LaunchSpec {
  sub: string;
  roles: string[];
  messageType?: "LtiResourceLinkRequest" | "LtiDeepLinkingRequest";
  context?: { id: string; title?: string };
  resourceLinkId?: string;
  custom?: Record<string, string>;
  lineItem?: string;
  locale?: string;
  /** Extra or replaced claims. */
  claims?: Record<string, unknown>;
}

export interface RecordedScore {
  lineItem: string;
  body: Record<string, unknown>;
}

export interface SimulatorOptions {
  /** The host name in the platform's URLs ("localhost": another site than the tool's 127.0.0.1). */
  host?: string;
  /** The address it listens on. */
  listenHost?: string;
  port?: number;
  clientId?: string;
  deploymentId?: string;
  /** The tool's origin (its login URL, its JWKS). */
  toolOrigin?: string;
  /** The tool's public keys, when the test has no tool server to fetch them from. */
  toolJwks?: () => Promise<{ keys: JWK[] }>;
}

export class PlatformSimulator {
  readonly clientId: string;
  readonly deploymentId: string;
  readonly kid = `sim-${crypto.randomBytes(4).toString("hex")}`;
  readonly scores: RecordedScore[] = [];
  readonly tokenRequests: { scope: string; ok: boolean }[] = [];
  readonly deepLinkResponses: string[] = [];
  /** The course members NRPS lists, by context id. */
  readonly members = new Map<string, { user_id: string; roles: string[]; status?: string; name?: string; email?: string }[]>();
  /** What the next /auth for a login_hint launches. */
  readonly launches = new Map<string, LaunchSpec>();
  toolOrigin: string;
  private host: string;
  private listenHost: string;
  private port: number;
  private server?: http.Server;
  private privateKey?: CryptoKey;
  private publicJwk?: JWK;
  private tokens = new Set<string>();
  private toolJwks?: () => Promise<{ keys: JWK[] }>;

  constructor(options: SimulatorOptions = {}) {
    this.host = options.host ?? "127.0.0.1";
    this.listenHost = options.listenHost ?? "127.0.0.1";
    this.port = options.port ?? 0;
    this.clientId = options.clientId ?? "common-ground-tool";
    this.deploymentId = options.deploymentId ?? "deployment-1";
    this.toolOrigin = options.toolOrigin ?? "http://localhost:3000";
    this.toolJwks = options.toolJwks;
  }

  get origin(): string {
    return `http://${this.host}:${this.port}`;
  }
  get issuer(): string {
    return this.origin;
  }
  url(path: string): string {
    return `${this.origin}${path}`;
  }
  /** The registration an admin would enter for this platform. */
  registration() {
    return {
      name: "Simulated LMS",
      issuer: this.issuer,
      clientId: this.clientId,
      authEndpoint: this.url("/auth"),
      jwksUrl: this.url("/jwks"),
      tokenUrl: this.url("/token"),
      deploymentIds: [this.deploymentId],
    };
  }

  async keys(): Promise<void> {
    if (this.privateKey) return;
    const pair = await generateKeyPair("RS256", { extractable: true });
    this.privateKey = pair.privateKey;
    this.publicJwk = { ...(await exportJWK(pair.publicKey)), kid: this.kid, alg: "RS256", use: "sig" };
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk!] };
  }
  /** A key resolver over this platform's JWKS, for in-process tests. */
  keyResolver() {
    return createLocalJWKSet(this.jwks());
  }

  /** The claims of a launch for `spec`, before overrides. */
  launchClaims(spec: LaunchSpec, nonce: string): JWTPayload {
    const messageType = spec.messageType ?? "LtiResourceLinkRequest";
    return {
      nonce,
      sub: spec.sub,
      [`${LTI_CLAIM}message_type`]: messageType,
      [`${LTI_CLAIM}version`]: "1.3.0",
      [`${LTI_CLAIM}deployment_id`]: this.deploymentId,
      [`${LTI_CLAIM}roles`]: spec.roles,
      ...(spec.context ? { [`${LTI_CLAIM}context`]: spec.context } : {}),
      ...(messageType === "LtiResourceLinkRequest" ? { [`${LTI_CLAIM}resource_link`]: { id: spec.resourceLinkId ?? "link-1" } } : {}),
      ...(spec.custom ? { [`${LTI_CLAIM}custom`]: spec.custom } : {}),
      [`${LTI_CLAIM}launch_presentation`]: { document_target: "iframe", locale: spec.locale ?? "en" },
      ...(spec.lineItem
        ? {
            "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
              scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"],
              lineitem: spec.lineItem,
              lineitems: this.url("/lineitems"),
            },
          }
        : {}),
      ...(spec.context
        ? { "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": { context_memberships_url: this.url(`/nrps/${encodeURIComponent(spec.context.id)}`), service_versions: ["2.0"] } }
        : {}),
      ...(messageType === "LtiDeepLinkingRequest"
        ? {
            "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": {
              deep_link_return_url: this.url("/deep-link-return"),
              accept_types: ["ltiResourceLink"],
              accept_presentation_document_targets: ["iframe", "window"],
              accept_multiple: true,
              data: "opaque-platform-data",
            },
          }
        : {}),
      ...spec.claims,
    };
  }

  /**
   * An id_token for `spec`. `options` makes it wrong on purpose: another signing key, another
   * key id, another audience, a lifetime in the past.
   */
  async signIdToken(
    spec: LaunchSpec,
    nonce: string,
    options: { key?: CryptoKey; kid?: string; audience?: string | string[]; issuer?: string; issuedAt?: number; expiresAt?: number; azp?: string } = {},
  ): Promise<string> {
    await this.keys();
    const now = Math.floor(Date.now() / 1000);
    const payload = { ...this.launchClaims(spec, nonce), ...(options.azp ? { azp: options.azp } : {}) };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: "RS256", kid: options.kid ?? this.kid, typ: "JWT" })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? this.clientId)
      .setIssuedAt(options.issuedAt ?? now)
      .setExpirationTime(options.expiresAt ?? now + 300)
      .sign(options.key ?? this.privateKey!);
  }

  async start(): Promise<void> {
    await this.keys();
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(() => {
        res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, this.listenHost, resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> {
    const url = new URL(req.url ?? "/", this.origin);
    const body = req.method === "POST" ? await readBody(req) : "";
    const html = (status: number, text: string) => res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(text);
    const json = (status: number, data: unknown, type = "application/json") => res.writeHead(status, { "content-type": type }).end(JSON.stringify(data));

    if (url.pathname === "/jwks") return json(200, this.jwks());

    // A course page of the LMS: the tool in an iframe, started by the tool's login URL.
    const course = /^\/course\/([\w-]+)$/.exec(url.pathname);
    if (course) {
      const login = new URL("/api/lti/login", this.toolOrigin);
      login.search = new URLSearchParams({
        iss: this.issuer,
        login_hint: course[1],
        target_link_uri: `${this.toolOrigin}/api/lti/launch`,
        client_id: this.clientId,
        lti_deployment_id: this.deploymentId,
      }).toString();
      return html(
        200,
        `<!doctype html><html lang="en"><head><title>Simulated LMS course</title></head><body><main><h1>Simulated LMS course</h1>` +
          `<iframe title="Common Ground" src="${escapeHtml(login.href)}" width="1000" height="800"></iframe></main></body></html>`,
      );
    }

    if (url.pathname === "/auth") {
      const p = url.searchParams;
      const spec = this.launches.get(p.get("login_hint") ?? "");
      const redirect = p.get("redirect_uri") ?? "";
      if (!spec || p.get("client_id") !== this.clientId || p.get("response_mode") !== "form_post" || p.get("scope") !== "openid" || !redirect.startsWith(this.toolOrigin)) {
        return html(400, "<!doctype html><title>Refused</title><p>invalid_request</p>");
      }
      const idToken = await this.signIdToken(spec, p.get("nonce") ?? "");
      return html(
        200,
        `<!doctype html><html lang="en"><head><title>Launching</title></head><body><form method="post" action="${escapeHtml(redirect)}">` +
          `<input type="hidden" name="id_token" value="${escapeHtml(idToken)}"><input type="hidden" name="state" value="${escapeHtml(p.get("state") ?? "")}">` +
          `<noscript><button>Continue</button></noscript></form><script>document.forms[0].submit()</script></body></html>`,
      );
    }

    if (url.pathname === "/token" && req.method === "POST") {
      const form = new URLSearchParams(body);
      const scope = form.get("scope") ?? "";
      try {
        const toolKeys = this.toolJwks ? createLocalJWKSet(await this.toolJwks()) : createRemoteJWKSet(new URL("/api/lti/jwks", this.toolOrigin));
        await jwtVerify(form.get("client_assertion") ?? "", toolKeys, { issuer: this.clientId, subject: this.clientId, audience: this.url("/token") });
        if (form.get("grant_type") !== "client_credentials") throw new Error("grant");
      } catch {
        this.tokenRequests.push({ scope, ok: false });
        return json(401, { error: "invalid_client" });
      }
      this.tokenRequests.push({ scope, ok: true });
      const token = crypto.randomBytes(16).toString("hex");
      this.tokens.add(token);
      return json(200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope });
    }

    const authorised = () => this.tokens.has((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    const scores = /^\/lineitems\/([\w-]+)\/scores$/.exec(url.pathname);
    if (scores && req.method === "POST") {
      if (!authorised()) return json(401, { error: "unauthorized" });
      if (req.headers["content-type"] !== "application/vnd.ims.lis.v1.score+json") return json(415, { error: "media type" });
      this.scores.push({ lineItem: this.url(`/lineitems/${scores[1]}`), body: JSON.parse(body) as Record<string, unknown> });
      return res.writeHead(204).end();
    }

    const nrps = /^\/nrps\/(.+)$/.exec(url.pathname);
    if (nrps) {
      if (!authorised()) return json(401, { error: "unauthorized" });
      const context = decodeURIComponent(nrps[1]);
      return json(200, { id: url.href, context: { id: context }, members: this.members.get(context) ?? [] }, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json");
    }

    if (url.pathname === "/deep-link-return" && req.method === "POST") {
      this.deepLinkResponses.push(new URLSearchParams(body).get("JWT") ?? "");
      return html(200, "<!doctype html><html lang=\"en\"><title>Content added</title><main><h1>Content added</h1></main></html>");
    }

    res.writeHead(404).end();
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
