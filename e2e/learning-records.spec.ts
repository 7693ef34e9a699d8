// The learning records admin page (issue #27): an admin sets up an LRS (a stand-in LRS run by
// this test), the key and secret are never shown back, and a test record reaches the LRS. Once,
// on the projector: the page is an admin's desk page and the server's behaviour is device-free.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, expectAccessibleInBothThemes, newLearner, PASSWORD, signedInContext, test } from "./fixtures";
import { startLrsStandIn, type LrsStandIn } from "../lib/xapi/testing/lrs-stand-in";

test.skip(({ isMobile }) => isMobile, "an admin's settings page; checked once, in the projector project");

/** Makes the account an admin the way an operator does (`npm run admin:create`), as join-and-admin.spec.ts does. */
function promoteToAdmin(email: string) {
  const root = path.join(__dirname, "..");
  const database = process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { DATA_DIR: path.join(root, ".e2e-data") };
  const env: NodeJS.ProcessEnv = { ...process.env, ...database, ADMIN_PASSWORD: PASSWORD, LOG_SILENT: "1" };
  delete env.ADMIN_EMAIL;
  execFileSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/admin-create.ts", "--email", email], { cwd: root, env, stdio: "pipe" });
}

const CREDENTIALS = { key: "e2e-key", secret: `e2e secret ${Date.now()}` };
let lrs: LrsStandIn;
test.beforeAll(async () => {
  lrs = await startLrsStandIn(CREDENTIALS);
});
test.afterAll(async () => lrs.close());

test("an admin sets up the LRS, never sees the secret again, and sends a test record", async ({ page, context, baseURL }) => {
  const admin = await signedInContext(context, baseURL!, newLearner("Lee Admin"));
  promoteToAdmin(admin.email);

  await page.goto("/en/admin");
  await page.getByRole("link", { name: "Learning records (xAPI)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Learning records (xAPI)" })).toBeVisible();
  await expectAccessibleInBothThemes(page, "learning records");

  // Forwarding stays off (other specs share this server); a test record goes all the same.
  await page.getByLabel("LRS address (xAPI endpoint)").fill(lrs.endpoint);
  await page.getByLabel("Key (user name)").fill(CREDENTIALS.key);
  await page.getByLabel("Secret (password)").fill(CREDENTIALS.secret);
  await page.getByLabel("xAPI version").selectOption("1.0.3");
  await expect(page.getByLabel("Send learning records")).not.toBeChecked();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByText("Set. Leave both empty to keep them").first()).toBeVisible();
  await expect(page.getByLabel("Secret (password)")).toHaveValue("");
  expect(await page.content()).not.toContain(CREDENTIALS.secret);

  await page.getByRole("button", { name: "Send a test record" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The LRS accepted the test record (HTTP 200)." })).toBeVisible();
  expect(lrs.statements.size).toBe(1);
  expect(lrs.requests).toEqual([{ status: 200, count: 1 }]);
  await expectAccessibleInBothThemes(page, "learning records after a test");
});
