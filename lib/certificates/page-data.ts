// What server-rendered pages read from lib/certificates. Pages may not touch lib/db (the lint
// rule), so this opens the database handle for them; authorisation stays in the functions called.
import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/accounts";
import { AppError } from "@/lib/errors";
import { attendanceView } from "./attendance";
import { verifyById } from "./public";
import { myCertificates, myIssuedCredential } from "./queries";

export async function certificatesPage(actor: SessionUser, locale: string) {
  return myCertificates(await getDb(), actor, locale);
}

export async function credentialToPrint(actor: SessionUser, id: string) {
  return myIssuedCredential(await getDb(), actor, id);
}

export async function verificationPage(id: string) {
  return verifyById(await getDb(), id);
}

/** The facilitator's attendance page, or null when the group is not theirs to manage (the page's 404). */
export async function attendancePage(actor: SessionUser, cohortId: string) {
  try {
    return await attendanceView(await getDb(), actor, cohortId);
  } catch (e) {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "forbidden")) return null;
    throw e;
  }
}
