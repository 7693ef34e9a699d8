// A person's own data, all of it, as plain JSON: one key per table of the privacy registry, with
// a line saying what each one is. The registry is the list; this file adds nothing to it.
import "server-only";
import type { Kysely } from "kysely";
import type { Db } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { SessionUser } from "@/lib/auth/accounts";
import { PRIVACY_REGISTRY, type MyData, type Subject } from "./privacy-registry";

const now = () => new Date().toISOString();

/** What the account's rows are found by: its id, and the email or login name its hashes are of. */
export async function subjectOf(db: Kysely<Database>, userId: string): Promise<Subject> {
  const row = await db.selectFrom("users").select(["email", "login_name"]).where("id", "=", userId).executeTakeFirst();
  if (!row) throw new AppError("not_found", "notFound.account");
  return { id: userId, email: row.email, loginName: row.login_name };
}

/** Everything stored about the learner, as plain JSON. */
export async function exportMyData(handle: Db, actor: SessionUser): Promise<MyData> {
  const who = await subjectOf(handle.db, actor.id);
  const sections = await Promise.all(PRIVACY_REGISTRY.map((entry) => entry.exportRows(handle.db, who)));
  const data: Record<string, unknown> = {
    exportedAt: now(),
    about: Object.fromEntries(PRIVACY_REGISTRY.map((entry) => [entry.exportAs, entry.holds])),
  };
  PRIVACY_REGISTRY.forEach((entry, i) => {
    data[entry.exportAs] = entry.single ? sections[i][0] : sections[i];
  });
  // The account row was there a moment ago; gone now means it was deleted meanwhile.
  if (data.account === undefined) throw new AppError("not_found", "notFound.account");
  log("account.exported", { userId: actor.id });
  return data as MyData;
}
