// npm run content:check — validates every file under content/ and exits non-zero, naming the file
// and the field, when anything is wrong.
import path from "node:path";
import { loadContent } from "../lib/content/load";

const root = path.resolve(process.argv.find((a) => a.startsWith("--root="))?.slice(7) ?? "content");
const { content, problems } = loadContent(root);

if (problems.length > 0) {
  console.error(`content check failed: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`);
  for (const p of problems) console.error(`  ${p.file}${p.field ? ` › ${p.field}` : ""}: ${p.message}`);
  process.exit(1);
}

for (const c of content) {
  const questions = [...c.quizzes.values()].reduce((n, q) => n + q.questions.length, 0);
  const modules = c.courses.reduce((n, k) => n + k.modules.length, 0);
  console.log(
    `content/${c.locale}: ${c.courses.length} course(s), ${modules} module(s), ${c.lessons.length} lesson(s), ` +
      `${c.quizzes.size} quiz(zes), ${questions} question(s): all valid`,
  );
}
