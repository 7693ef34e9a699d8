// npm run content:check — validates every file under content/ and exits non-zero, naming the file
// and the field, when anything is wrong, including the item rules against test-wiseness. With
// --json, prints one summary object on success, with each quiz's best test-wise score and the
// support routes by country and kind. Support routes last verified more than 180 days ago are a
// warning; with --release (npm run content:check -- --release) they fail the check.
// Translations (lib/content/translation-check.ts): a stale translation, a key, id or answer that
// differs from English, or a file a complete locale lacks fails the check; --json adds each
// locale's coverage under "translations".
import path from "node:path";
import { checkChannelFreshness } from "../lib/content/channels";
import { checkItemRules } from "../lib/content/item-rules";
import { loadContent } from "../lib/content/load";
import { summarise } from "../lib/content/summary";
import { checkTranslations } from "../lib/content/translation-check";
import { SOURCE_LOCALE } from "../lib/content/translation";

const root = path.resolve(process.argv.find((a) => a.startsWith("--root="))?.slice(7) ?? "content");
const asJson = process.argv.includes("--json");
const release = process.argv.includes("--release");
const loaded = loadContent(root);
const { content } = loaded;
// The item rules (lib/content/item-rules.ts) judge a bank that loaded: keys spread, quizzes that
// knowledge-free rules cannot pass, discernment posts that surface cues cannot sort.
const items = loaded.problems.length === 0 ? checkItemRules(content) : { problems: [], testWise: {} };
// Routes go stale as services change numbers and hours: a release needs every entry checked recently.
const freshness = content.map((c) => (c.channels ? checkChannelFreshness(c.channels, `${c.locale}/resources/channels.yml`, new Date(), { release }) : { problems: [], warnings: [] }));
const translations = checkTranslations(root);
const problems = [...loaded.problems, ...items.problems, ...freshness.flatMap((f) => f.problems), ...translations.problems];
const warnings = [...freshness.flatMap((f) => f.warnings), ...translations.warnings];
for (const w of warnings) console.error(`  warning: ${w.file}${w.field ? ` › ${w.field}` : ""}: ${w.message}`);

if (problems.length > 0) {
  console.error(`content check failed: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`);
  for (const p of problems) console.error(`  ${p.file}${p.field ? ` › ${p.field}` : ""}: ${p.message}`);
  process.exit(1);
}

const summary = summarise(content);
// The text summary counts the English course once; translated locales are counted by coverage below.
const source = summarise(content.filter((c) => c.locale === SOURCE_LOCALE));
if (asJson) {
  // testWise: the best score a learner who knows nothing reaches on each quiz, form and booster.
  console.log(JSON.stringify({ ...summary, testWise: items.testWise, translations: translations.locales }, null, 2));
} else {
  console.log(
    `content: ${source.courses} course(s), ${source.modules} module(s), ${source.lessons} lesson(s), ` +
      `${source.quizzes} quiz(zes), ${source.questions} question(s), ${source.scenarios} scenario(s), ` +
      `${source.tracks.length} track(s): all valid` + (summary.locales.length > 1 ? ` (in ${summary.locales.length} locales)` : ""),
  );
  for (const l of translations.locales) {
    console.log(
      `  ${l.locale} (${l.listed ? l.status : "not listed"}): ${l.translated}/${l.total} files translated (${l.coverage} %), ` +
        `${l.draft} draft, ${l.reviewed} reviewed, ${l.missing.length} shown in English`,
    );
  }
  for (const [id, grade] of Object.entries(source.schoolReadingGrades)) console.log(`  school lesson ${id}: reading grade ${grade}`);
  for (const [course, pairs] of Object.entries(source.biasPairsByCourse)) {
    if (pairs.length === 0) continue;
    console.log(`  ${course}: ${pairs.length} bias-check pair(s), one version shown to each learner`);
    for (const p of pairs) console.log(`    ${p.id} (${p.feature}): ${p.file}`);
  }
}
