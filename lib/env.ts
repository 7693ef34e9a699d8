// The only reader of process.env. Validated once, with an error that names what is wrong.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "must start with file: (SQLite) or postgres:// (PostgreSQL)")
      .optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
    NEXTAUTH_URL: z.url().optional(),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().optional(),
    DATA_DIR: z.string().optional(),
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For (0: none). The rate
     * limits read the client's address that many entries from the right (lib/ratelimit/client.ts).
     */
    TRUST_PROXY_HOPS: z.string().regex(/^[0-5]$/, "must be a whole number from 0 to 5").default("0"),
    /** "1" silences the structured log lines (tests and scripts). */
    LOG_SILENT: z.enum(["0", "1"]).default("0"),
    /** "1": serving a hall from a laptop (`npm run hall` sets it): join addresses use the LAN address. */
    HALL: z.enum(["0", "1"]).default("0"),
    /** The hall's port (`npm run hall`); PORT when unset, then 3000. */
    HALL_PORT: z.string().regex(/^\d{1,5}$/, "must be a port number").optional(),
    PORT: z.string().regex(/^\d{1,5}$/, "must be a port number").optional(),
  })
  .superRefine((env, ctx) => {
    if (env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) {
      ctx.addIssue({ code: "custom", path: ["ADMIN_PASSWORD"], message: "is required with ADMIN_EMAIL (there is no default password)" });
    }
    if (env.DATABASE_URL?.startsWith("postgres") && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "is required with PostgreSQL: every app instance must share the same secret",
      });
    }
  });

export interface Env {
  nodeEnv: "development" | "production" | "test";
  dataDir: string;
  database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  authSecret: string;
  authUrl?: string;
  secureCookies: boolean;
  admin?: { email: string; password: string };
  /** ADMIN_PASSWORD alone, for `npm run admin:create -- --email ...`. */
  adminPassword?: string;
  logSilent: boolean;
  /** Proxies whose X-Forwarded-For entries are believed (0: the address is not known). */
  trustProxyHops: number;
  /** Serving a hall (`npm run hall`, lib/hall): join addresses carry the laptop's LAN address. */
  hall: boolean;
  /** The port phones reach the hall on (HALL_PORT, else PORT, else 3000). */
  hallPort: number;
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "environment"}: ${i.message}`);
    throw new Error(`Invalid environment (see .env.example and docs/deploy.md):\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  // Without a configured public URL, next-auth builds its URLs from the request's Host header, so
  // a laptop in a hall works at whatever address people reach it by (http://192.168.1.20:3000).
  if (!e.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  // The data directory holds run-time files (the database, the local secret), not code: the
  // ignore comments keep Turbopack from tracing the whole project into the server output for it,
  // and from listing the database file in the traces when it exists at build time (it was, in 33
  // traces, until the path.join below had its comment too: issue #19).
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR ?? "data");
  const url = e.DATABASE_URL ?? `file:${path.join(/*turbopackIgnore: true*/ dataDir, "common-ground.sqlite")}`;
  cached = {
    nodeEnv: e.NODE_ENV,
    dataDir,
    database: url.startsWith("file:") ? { kind: "sqlite", file: path.resolve(/*turbopackIgnore: true*/ url.slice(5)) } : { kind: "postgres", url },
    authSecret: e.NEXTAUTH_SECRET ?? localSecret(dataDir),
    authUrl: e.NEXTAUTH_URL,
    secureCookies: e.NEXTAUTH_URL?.startsWith("https://") ?? false,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    adminPassword: e.ADMIN_PASSWORD,
    logSilent: e.LOG_SILENT === "1",
    trustProxyHops: Number(e.TRUST_PROXY_HOPS),
    hall: e.HALL === "1",
    hallPort: Number(e.HALL_PORT ?? e.PORT ?? 3000),
  };
  return cached;
}

/**
 * A single SQLite instance may keep its own session secret: generated once, stored beside the
 * database with owner-only permissions. Several instances (PostgreSQL) must set NEXTAUTH_SECRET.
 */
function localSecret(dataDir: string): string {
  // Never traced into a build's server files: the secret belongs to one installation's data.
  const file = path.join(/*turbopackIgnore: true*/ dataDir, ".auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
}

/** For tests: forget the cached environment. */
export function resetEnvForTests() {
  cached = undefined;
}
