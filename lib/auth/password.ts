// Password hashing (argon2id, OWASP minimum: m=19456 KiB, t=2, p=1) and the password policy.
import { hash, verify } from "@node-rs/argon2";
import type { ServerMessage } from "@/lib/errors";
import { COMMON_PASSWORDS } from "./common-passwords";

const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Verifies a password. With no hash (unknown account) it verifies against a dummy hash made
 * with the same parameters, so both cases take the same time and always answer false.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  dummy ??= hash("dummy password for timing", OPTIONS);
  const target = storedHash ?? (await dummy);
  let ok = false;
  try {
    ok = await verify(target, password);
  } catch {
    ok = false;
  }
  return ok && Boolean(storedHash);
}

/** Returns the message (a server error key) saying what is wrong with a new password, or null when it is acceptable. */
export function checkNewPassword(password: string, context: { email?: string | null; name?: string } = {}): ServerMessage | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return { key: "password.tooShort", args: { minimum: PASSWORD_MIN } };
  if (length > PASSWORD_MAX) return { key: "password.tooLong", args: { maximum: PASSWORD_MAX } };
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return { key: "password.common" };
  const personal = [context.email?.split("@")[0], context.name].filter((s): s is string => Boolean(s && s.length >= 3));
  if (personal.some((p) => lower === p.toLowerCase() || lower.includes(p.toLowerCase()) && lower.length - p.length < 4)) {
    return { key: "password.personal" };
  }
  if (new Set(lower).size <= 2) return { key: "password.easy" };
  return null;
}
