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
