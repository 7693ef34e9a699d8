// One structured line per event (JSON on stdout). Never pass passwords, tokens or hashes here.
import { env } from "./env";
export type LogEvent =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_in_throttled"
  | "auth.sign_up"
  | "auth.sign_out"
  | "auth.sign_out_everywhere"
  | "auth.password_changed"
  | "auth.role_changed"
  | "auth.denied"
  | "account.deleted"
  | "account.exported"
  | "admin.created"
  | "ratelimit.refused"
  | "http.refused"
  | "server.error"
  | "live.hub"
  | "hall.imported"
  | "hall.import_refused"
  | "xapi.settings"
  | "xapi.delivery"
  | "rosters.imported"
  | "keys.created"
  | "keys.rotated"
  | "credentials.issued"
  | "credentials.awarded"
  | "lti.key_created"
  | "lti.key_rotated"
  | "lti.platform_saved"
  | "lti.platform_deleted"
  | "lti.launch"
  | "lti.launch_refused"
  | "lti.jwks_fetched"
  | "lti.score_sent"
  | "lti.score_retry"
  | "lti.score_failed"
  | "lti.roster_synced"
  | "lti.roster_failed";

export function log(event: LogEvent, fields: Record<string, string | number | boolean | null | undefined> = {}) {
  if (env().logSilent) return;
  const line = JSON.stringify({ time: new Date().toISOString(), event, ...fields });
  if (event === "server.error") console.error(line);
  else console.log(line);
}
