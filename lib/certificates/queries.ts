// The learner's certificates page: where they stand for each course's certificate, and the
// credentials and attendance awards they hold. Only the acting user's own rows.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/accounts";
import { getCourse, getCourses } from "@/lib/content";
import { courseEligibility, type Eligibility } from "./eligibility";

export interface MyCredential {
  id: string;
  kind: "completed" | "attended";
  courseTitle: string;
  groupName: string | null;
  sessionDate: string | null;
  printedName: string | null;
  issuedAt: string | null;
  revoked: boolean;
}

export interface MyCertificates {
  courses: Eligibility[];
  credentials: MyCredential[];
  /** The name on the account, offered to print; null for a nickname account (its name is a nickname). */
  accountName: string | null;
}

export async function myCertificates(handle: Db, actor: SessionUser, locale: string): Promise<MyCertificates> {
  const [courses, rows, account] = await Promise.all([
    Promise.all(getCourses(locale).map((c) => courseEligibility(handle, actor, locale, c.id))),
    handle.db
      .selectFrom("credentials")
      .select(["id", "kind", "course_id", "locale", "group_name", "session_date", "printed_name", "issued_at", "revoked_at"])
      .where("user_id", "=", actor.id)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .execute(),
    handle.db.selectFrom("users").select(["display_name", "email"]).where("id", "=", actor.id).executeTakeFirst(),
  ]);
  return {
    courses: courses.filter((c): c is Eligibility => c !== undefined),
    credentials: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      courseTitle: getCourse(locale, r.course_id)?.title ?? getCourse(r.locale, r.course_id)?.title ?? r.course_id,
      groupName: r.group_name,
      sessionDate: r.session_date,
      printedName: r.printed_name,
      issuedAt: r.issued_at,
      revoked: r.revoked_at !== null,
    })),
    accountName: account?.email ? account.display_name : null,
  };
}

/** One of the learner's issued credentials, for its print page; undefined when it is not theirs or not issued. */
export async function myIssuedCredential(handle: Db, actor: SessionUser, id: string): Promise<{ id: string; jwt: string; locale: string; revoked: boolean } | undefined> {
  const row = await handle.db.selectFrom("credentials").select(["id", "jwt", "locale", "revoked_at"]).where("id", "=", id).where("user_id", "=", actor.id).executeTakeFirst();
  return row?.jwt ? { id: row.id, jwt: row.jwt, locale: row.locale, revoked: row.revoked_at !== null } : undefined;
}
