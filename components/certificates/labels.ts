// The certificate screens' words, read on the server from next-intl's "certificates" namespace and
// handed to the client islands as plain strings.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { IssueLabels } from "./issue-form";
import type { VerifyLabels } from "./verification-result";
import type { VerifyFileLabels } from "./verify-file-form";
import type { AttendanceLabels } from "./attendance-form";
import type { SheetLabels } from "./certificate-sheet";

const raw = async (locale: string, namespace: string, keys: readonly string[]) => {
  const t = await getTranslations({ locale, namespace });
  return Object.fromEntries(keys.map((k) => [k, t.raw(k) as string]));
};

const FORM = ["working", "failed", "errorTitle"] as const;

export async function issueLabels(locale: string): Promise<IssueLabels> {
  return (await raw(locale, "certificates", ["nameLegend", "nameChosen", "nameInput", "nameHint", "nameNone", "nameNoneHint", "issue", ...FORM])) as IssueLabels;
}

const VERIFY = ["valid", "revoked", "withdrawn", "tampered", "unknownIssuer", "unreadable", "achievement", "criteria", "name", "noName", "issued", "issuer", "only"] as const;

export async function verifyLabels(locale: string): Promise<VerifyLabels> {
  return (await raw(locale, "certificates.verify", VERIFY)) as VerifyLabels;
}

export async function verifyFileLabels(locale: string): Promise<VerifyFileLabels> {
  const [own, form] = await Promise.all([raw(locale, "certificates.verify", [...VERIFY, "file", "paste", "pasteHint", "check", "tooLarge", "resultTitle"]), raw(locale, "certificates", FORM)]);
  return { ...own, ...form } as VerifyFileLabels;
}

export async function sheetLabels(locale: string): Promise<SheetLabels> {
  return (await raw(locale, "certificates.print", ["heading", "awardedTo", "noName", "criteria", "issuedBy", "check", "qr", "withdrawn"])) as SheetLabels;
}

export async function attendanceLabels(locale: string): Promise<AttendanceLabels> {
  const keys = [
    "membersTitle", "date", "members", "award", "awardedNone", "awardedOne", "awardedMany", "noMembers", "sessionsTitle", "sessionsLead", "session",
    "sessionMembersNone", "sessionMembersOne", "sessionMembersMany", "awardSession", "noSessions",
  ];
  const [own, form] = await Promise.all([raw(locale, "certificates.attendance", keys), raw(locale, "certificates", FORM)]);
  return { ...own, ...form } as AttendanceLabels;
}
