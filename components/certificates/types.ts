// The shapes the certificate screens receive (plain data; type-only imports, erased from bundles).
import type { CredentialSummary as CredentialSummaryView } from "@/lib/certificates/verify";

/** What the verification page shows: only what the credential itself says (lib/certificates/verify.ts). */
export type { CredentialSummaryView };

export type VerifyResultView =
  | { state: "valid" | "revoked"; summary: CredentialSummaryView }
  | { state: "tampered" | "unknown-issuer" | "unreadable" | "withdrawn" };
