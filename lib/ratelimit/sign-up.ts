// Sign-up with its limits: accounts made per device and per address (lib/ratelimit/limits.ts).
// Scripts (admin:create, the seed) call createAccount directly and are not limited.
import "server-only";
import type { Db } from "@/lib/db/client";
import { createAccount, type SessionUser, type SignUpInput } from "@/lib/auth/accounts";
import type { Client } from "./client";
import { consume, perClient } from "./limiter";

/** Counts the attempt before the password is hashed, so a refused request costs no hashing. */
export async function signUp(handle: Db, input: SignUpInput, client: Client): Promise<SessionUser> {
  await consume(handle, ...perClient(client, "signUpPerDevice", "signUpPerAddress"));
  return createAccount(handle, input);
}
