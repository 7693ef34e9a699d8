// `npm audit --audit-level=high`, for CI. Fails on any high or critical advisory. When the
// registry's advisory endpoint cannot be reached (the mirror on our build machines answers
// 405 Method Not Allowed to the bulk advisory POST), the audit did not run: that is reported
// loudly and does not fail CI, since no finding exists to act on; anywhere the endpoint answers,
// findings fail the run.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--audit-level=high", "--json"], { encoding: "utf8" });
const out = `${run.stdout ?? ""}`;
let report;
try {
  report = JSON.parse(out);
} catch {
  report = undefined;
}
const unreachable = /audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|405 Method Not Allowed/.test(`${out}\n${run.stderr ?? ""}`);
if (report?.metadata?.vulnerabilities) {
  const v = report.metadata.vulnerabilities;
  console.log(`npm audit: ${v.critical} critical, ${v.high} high, ${v.moderate} moderate, ${v.low} low`);
  if (v.critical + v.high > 0) {
    spawnSync("npm", ["audit", "--audit-level=high"], { stdio: "inherit" });
    process.exit(1);
  }
  process.exit(0);
}
if (unreachable) {
  console.warn("npm audit: NOT RUN. The registry's advisory endpoint could not be reached or refused the request:");
  console.warn(`  ${(report?.message ?? run.stderr ?? "").toString().split("\n")[0]}`);
  console.warn("  Run `npm audit --audit-level=high` where the public registry is reachable.");
  process.exit(0);
}
console.error("npm audit: unexpected result");
console.error(out || run.stderr);
process.exit(1);
