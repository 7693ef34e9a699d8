// npm run db:seed — demo data for trying the app: a demo learner with some progress. Idempotent.
// The demo password is generated, stored in data/demo-credentials.txt (owner-only) and printed.
// Not for production: it refuses to run when NODE_ENV=production unless --force is given.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { createDb, migrateToLatest } from "../lib/db/client";
import { createAccount } from "../lib/auth/accounts";
import { generatePassphrase } from "../lib/auth/passphrase";
import { getCourses, getQuiz } from "../lib/content";
import { finishAttempt, recordAnswer } from "../lib/progress/answers";
import { completeLesson } from "../lib/progress/completions";
import { armsFor } from "../lib/experiments/arms";
import { oneVersionEach } from "../lib/quiz/experiments";

const DEMO_EMAIL = "demo.learner@example.org";

async function main() {
  if (env().nodeEnv === "production" && !process.argv.includes("--force")) {
    throw new Error("Refusing to add demo accounts with NODE_ENV=production (use --force on a throw-away instance).");
  }
  const config = env();
  const file = path.join(config.dataDir, "demo-credentials.txt");
  const handle = createDb(config.database);
  try {
    await migrateToLatest(handle);
    const existing = await handle.db.selectFrom("users").select("id").where("email", "=", DEMO_EMAIL).executeTakeFirst();
    if (existing) {
      console.log(`Demo data already present. Demo sign-in: ${fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : `${DEMO_EMAIL} (password in ${file} was removed)`}`);
      return;
    }
    const password = generatePassphrase();
    const user = await createAccount(handle, { email: DEMO_EMAIL, displayName: "Demo learner", password });
    const course = getCourses("en")[0];
    const [first, second] = course.modules[0].lessons;
    // The learner's version of each bias-check pair: the server refuses the other.
    const quiz = oneVersionEach(getQuiz("en", course.id, first.quizId!)!, await armsFor(handle, user, "en", course.id));
    const attemptId = crypto.randomUUID();
    for (const [i, q] of quiz.questions.entries()) {
      // A realistic first try: one question wrong.
      const chosen = i === 1 ? [q.options.find((o) => !q.correct.includes(o.id))!.id] : q.correct;
      await recordAnswer(handle, user, { id: crypto.randomUUID(), attemptId, locale: "en", courseId: course.id, lessonId: first.id, questionId: q.id, chosen });
    }
    await finishAttempt(handle, user, attemptId, "en");
    await completeLesson(handle, user, { locale: "en", courseId: course.id, lessonId: second.id });
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, `${DEMO_EMAIL} / ${password}\n`, { mode: 0o600 });
    console.log(`Demo learner created. Sign in with: ${DEMO_EMAIL} / ${password} (also in ${file})`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
