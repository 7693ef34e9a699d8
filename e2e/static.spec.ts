import fs from "node:fs";
import path from "node:path";
import { content, expect, test } from "./fixtures";

// Lesson and quiz pages are rendered at build time: the build's prerender manifest lists each,
// and the server answers them from the prerendered output.
test("every lesson and quiz page is prerendered at build time", async ({ request }) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", ".next", "prerender-manifest.json"), "utf8"));
  const routes = Object.keys(manifest.routes);
  for (const lesson of content.lessons) {
    expect(routes).toContain(content.lessonPath(lesson.id));
    if (lesson.quizId) expect(routes).toContain(`${content.lessonPath(lesson.id)}/quiz`);
  }
  const response = await request.get(content.lessonPath(content.lessons[0].id));
  expect(response.headers()["x-nextjs-cache"] ?? response.headers()["x-nextjs-prerender"]).toBeTruthy();
});

// Next.js measures (Buffer.byteLength) and writes each prerendered page as a JavaScript string on
// every request. A page holding any character above U+00FF is a two-byte string, and both steps
// are then about ten times slower: about 110 us per request for a lesson page (bench/README.md).
// Arrows and similar marks on these pages are drawn by CSS; lesson Markdown writes such
// characters as references (components/lesson/markdown-html.ts).
test("lesson, quiz and course pages are prerendered without characters above U+00FF", () => {
  const built = (pagePath: string) => fs.readFileSync(path.join(__dirname, "..", ".next", "server", "app", `${pagePath}.html`), "utf8");
  const pages = [`/en/courses/${content.course.id}`, ...content.lessons.flatMap((l) => [content.lessonPath(l.id), ...(l.quizId ? [`${content.lessonPath(l.id)}/quiz`] : [])])];
  for (const page of pages) {
    const wide = [...new Set([...built(page)].filter((c) => c.codePointAt(0)! > 0xff))];
    expect(wide, `${page}.html holds ${wide.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(", ")}`).toEqual([]);
  }
});

// The build lists, per server file, every file it needs at run time (*.nft.json), which is what a
// deployment copies. An installation's data (the SQLite database, the local session secret in
// data/) and the test code must never be among them; a dynamic path in lib/env.ts once made
// Turbopack trace the whole project, data/ included when it existed at build time.
test("the build's server file traces hold no installation data and no test code", () => {
  const root = path.join(__dirname, "..");
  const traced = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".nft.json")) for (const f of JSON.parse(fs.readFileSync(full, "utf8")).files as string[]) traced.add(path.relative(root, path.resolve(dir, f)));
    }
  };
  walk(path.join(root, ".next", "server"));
  expect(traced.size).toBeGreaterThan(100);
  const data = [...traced].filter((f) => f.startsWith(`data${path.sep}`) || /\.auth-secret$|\.sqlite(-wal|-shm)?$/.test(f));
  expect(data).toEqual([]);
  const tests = [...traced].filter((f) => /^(e2e|tests)[\\/]|\.test\.tsx?$/.test(f));
  expect(tests).toEqual([]);
});
