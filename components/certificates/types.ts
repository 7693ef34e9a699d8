// The shapes the certificate screens receive (plain data, no server imports).
export interface CredentialSummaryView {
  id: string;
  achievementName: string;
  achievementType: string;
  description: string;
  criteria: string;
  name: string | null;
  issuedAt: string;
  issuerName: string;
  issuerId: string;
  locale: string;
}

export type VerifyResultView =
  | { state: "valid" | "revoked"; summary: CredentialSummaryView }
  | { state: "tampered" | "unknown-issuer" | "unreadable" | "withdrawn" };
