// npm run admin:create -- --email you@example.org
// Creates the first admin (or promotes an existing account). The password comes from
// ADMIN_PASSWORD or is typed at the prompt; there is never a default password.
import readline from "node:readline";
import { env } from "../lib/env";
import { createDb, migrateToLatest } from "../lib/db/client";
import { ensureAdmin } from "../lib/auth/accounts";
import { checkNewPassword } from "../lib/auth/password";
import { serverErrorText } from "../lib/http/error-text";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
}

async function askHidden(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  out._writeToOutput = (s: string) => out.output.write(s.includes(question) ? s : "");
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function main() {
  const email = arg("email");
  if (!email) throw new Error("Give the admin's email: npm run admin:create -- --email you@example.org");
  const password = env().adminPassword ?? (process.stdin.isTTY ? await askHidden("Password for the new admin: ") : "");
  const problem = checkNewPassword(password, { email });
  if (problem) throw new Error(`Password refused: ${serverErrorText("en", problem)}`);
  const handle = createDb(env().database);
  try {
    await migrateToLatest(handle);
    const outcome = await ensureAdmin(handle, { email, password });
    console.log({ created: `Created admin ${email}.`, promoted: `${email} already had an account: it is now an admin (password unchanged).`, unchanged: `${email} is already an admin.` }[outcome]);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
