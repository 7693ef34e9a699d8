// npm run export:scorm — SCORM packages of the course for learning platforms without LTI
// (docs/schools.md). One zip per locale unless --locale is given.
//   --locale=<code>        one locale (default: every locale content/locales.json serves)
//   --course=<id>          the course (default: the locale's first)
//   --version=1.2|2004     SCORM edition (default 1.2, which every LMS imports)
//   --lessons=<id,id>      only these lessons (default: all)
//   --out=<dir>            where the zips go (default: dist/scorm)
import fs from "node:fs";
import path from "node:path";
import { buildPackage, loadAll, servedLocales, zipPackage } from "../lib/scorm/build";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

function main() {
  const version = arg("version") ?? "1.2";
  if (version !== "1.2" && version !== "2004") throw new Error(`--version must be 1.2 or 2004, not "${version}"`);
  const out = path.resolve(arg("out") ?? path.join("dist", "scorm"));
  const locales = arg("locale") ? [arg("locale")!] : servedLocales().map((l) => l.code);
  const lessons = arg("lessons")?.split(",").filter(Boolean);
  fs.mkdirSync(out, { recursive: true });
  const content = loadAll();
  for (const locale of locales) {
    const courseId = arg("course") ?? content.find((c) => c.locale === locale)?.courses[0]?.id;
    if (!courseId) throw new Error(`no course in locale "${locale}"`);
    const pkg = buildPackage({ locale, courseId, version, lessons });
    const zip = zipPackage(pkg);
    const file = path.join(out, pkg.fileName);
    fs.writeFileSync(file, zip);
    console.log(`${path.relative(process.cwd(), file)}  ${(zip.length / 1024).toFixed(0)} KB, ${Object.keys(pkg.files).length} files`);
  }
}

try {
  main();
} catch (e) {
  console.error(`export:scorm: ${(e as Error).message}`);
  process.exit(1);
}
