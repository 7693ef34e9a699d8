import fs from "node:fs";
import path from "node:path";
import { content, expect, newLearner, signInApi, signUpApi, test } from "./fixtures";

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
// are then about ten times slower: about 110 us per request for a lesson page. Even one character
// from U+0080 to U+00FF makes the write encode the page character by character: in a bare Node
// server, 40 KB of lesson HTML took about 70 us of CPU a response against 40 us for ASCII
// (bench/README.md). So the app's own words and marks on these pages are ASCII: arrows and
// separators are drawn by CSS (.pager-prev, .dotted), the title separator is a hyphen, and lesson
// Markdown writes other characters as references (components/lesson/markdown-html.ts). What is
// left is the course's own text rendered as text (a source's title, say).
test("lesson, quiz and course pages are prerendered without characters above U+00FF, and with none above U+007F but the course's own", () => {
  const root = path.join(__dirname, "..");
  const built = (pagePath: string) => fs.readFileSync(path.join(root, ".next", "server", "app", `${pagePath}.html`), "utf8");
  const nonAscii = (text: string) => new Set([...text].filter((c) => c.codePointAt(0)! > 0x7f));
  const courseText = fs.readdirSync(path.join(root, "content", "en", "courses"), { recursive: true, encoding: "utf8" })
    .map((f) => path.join(root, "content", "en", "courses", f))
    .filter((f) => fs.statSync(f).isFile())
    .map((f) => fs.readFileSync(f, "utf8"))
    .join("");
  const fromCourse = nonAscii(courseText);
  const name = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  const pages = [`/en/courses/${content.course.id}`, ...content.lessons.flatMap((l) => [content.lessonPath(l.id), ...(l.quizId ? [`${content.lessonPath(l.id)}/quiz`] : [])])];
  for (const page of pages) {
    const found = [...nonAscii(built(page))];
    const wide = found.filter((c) => c.codePointAt(0)! > 0xff);
    expect(wide, `${page}.html holds ${wide.map(name).join(", ")}`).toEqual([]);
    const fromApp = found.filter((c) => !fromCourse.has(c));
    expect(fromApp, `${page}.html holds ${fromApp.map(name).join(", ")}, which the course's text does not`).toEqual([]);
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

// The site's icon (app/icon.svg, with raster copies from scripts/make-icons.mjs): every page links
// it, and what a browser may ask for by itself is served, so no first visit costs a 404 (a browser
// asks for /favicon.ico when a page links no icon, and some always do).
test("every page links the site icon, and each icon a browser may ask for is served as an image", async ({ request }) => {
  const linked = new Set<string>();
  for (const pagePath of ["/en", content.lessonPath(content.lessons[0].id), "/en/sign-in"]) {
    const html = await (await request.get(pagePath)).text();
    const icons = [...html.matchAll(/<link rel="(icon|apple-touch-icon)" href="([^"]+)"/g)];
    expect(icons.map((m) => m[1]), `${pagePath} links its icons`).toEqual(expect.arrayContaining(["icon", "apple-touch-icon"]));
    for (const m of icons) linked.add(m[2]);
  }
  for (const href of [...linked, "/favicon.ico"]) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()["content-type"], href).toMatch(/^image\//);
    expect((await response.body()).length, href).toBeGreaterThan(100);
  }
});

// The app serves no image through Next's image optimiser, so its endpoint is off (next.config.js
// images.unoptimized): an open optimiser decodes and resizes whatever same-site image it is asked
// for, at any allowed width, on the server's CPU. It answered 200 for the site's own icon before.
test("the image optimiser endpoint is switched off", async ({ request }) => {
  for (const url of ["/apple-icon.png", "/icon.svg", "https://example.org/a.png"]) {
    const response = await request.get(`/_next/image?url=${encodeURIComponent(url)}&w=64&q=75`);
    expect(response.status(), url).toBe(404);
    expect(response.headers()["content-type"] ?? "", url).not.toMatch(/^image\//);
  }
});

// A learner's pages (a lesson with a scenario, a quiz, the pre- and post-assessment, joining a
// group, signing in or up, the dashboard) load one stylesheet: Turbopack makes each component's CSS
// import a render-blocking stylesheet of its own, one more request before a phone on a hall's Wi-Fi
// can paint. Their styles are files next to their components, composed by app/globals.css's
// @imports into the one stylesheet; a component of these pages must not import a stylesheet of its
// own (the facilitator's and admin's screens may; tests/styles.test.ts checks both).
const stylesheetLinks = (html: string) => html.match(/<link rel="stylesheet"/g) ?? [];

test("a learner's pages load one stylesheet each", async ({ request }) => {
  const scenarioLesson = content.lessons.find((l) => content.lessonScenario(l.id));
  const quizLesson = content.lessons.find((l) => l.quizId);
  expect(scenarioLesson && quizLesson).toBeTruthy();
  for (const pagePath of [content.lessonPath(scenarioLesson!.id), `${content.lessonPath(quizLesson!.id)}/quiz`, `/en/courses/${content.course.id}/assessment/pre`, `/en/courses/${content.course.id}/assessment/post`, "/en/join", "/en/sign-in", "/en/sign-up"]) {
    expect(stylesheetLinks(await (await request.get(pagePath)).text()), pagePath).toHaveLength(1);
  }
  const learner = newLearner();
  await signUpApi(request, learner);
  await signInApi(request, learner);
  const dashboard = await request.get("/en/dashboard", { maxRedirects: 0 });
  expect(dashboard.status()).toBe(200);
  expect(stylesheetLinks(await dashboard.text()), "/en/dashboard").toHaveLength(1);
});
