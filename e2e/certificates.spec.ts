// Certificates (issue #27): a learner finishes the course (lessons and the final check through the
// API), issues the certificate with the name they choose, and someone else, in a fresh browser,
// checks it on its public page and as a pasted file; a changed file is found out, and a withdrawn
// certificate says so. The public pages show nothing else about the learner.
import crypto from "node:crypto";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { loadContent } from "../lib/content/load";
import { checkFor, content, expect, expectAccessibleInBothThemes, signedInContext, test } from "./fixtures";

const courseId = content.course.id;
const en = loadContent(path.join(__dirname, "..", "content")).content.find((c) => c.locale === "en")!;

/** The lessons that finish the course: the modules the self-paced track puts before its final check. */
const coreLessons = (() => {
  const track = en.tracks.find((t) => t.kind === "self-paced" && t.course === courseId);
  if (!track || track.kind !== "self-paced") throw new Error("no self-paced track");
  const post = track.steps.findIndex((s) => s.type === "assessment" && s.id === "post");
  const modules = new Set(track.steps.slice(0, post).filter((s) => s.type === "module").map((s) => s.id));
  return content.course.modules.filter((m) => modules.has(m.id)).flatMap((m) => m.lessons);
})();

async function finishCourse(request: APIRequestContext) {
  for (const l of coreLessons) {
    const res = await request.post("/api/progress/lessons", { data: { locale: "en", courseId, lessonId: l.id } });
    expect(res.status(), await res.text()).toBe(200);
  }
  const { quiz } = await checkFor(request, "post");
  const attemptId = crypto.randomUUID();
  for (const q of quiz.questions) {
    const res = await request.post("/api/progress/answers", { data: { id: crypto.randomUUID(), attemptId, locale: "en", courseId, lessonId: "assessment-post", questionId: q.id, chosen: q.correct } });
    expect(res.status(), await res.text()).toBe(200);
  }
  expect((await request.post("/api/progress/attempts/finish", { data: { attemptId, locale: "en" } })).status()).toBe(200);
}

test("a learner finishes the course, issues a certificate, and a stranger verifies it", async ({ page, context, browser, baseURL }, info) => {
  test.skip(info.project.name !== "phone", "one journey is enough; the phone is the learner's screen");
  test.setTimeout(120_000);
  const learner = await signedInContext(context, baseURL!, { email: `cert-${crypto.randomUUID()}@example.org`, password: "river lamp orchard 7", name: "Nour Account" });

  await page.goto("/en/certificates");
  await expect(page.getByRole("heading", { level: 1, name: "Your certificates" })).toBeVisible();
  await expect(page.getByText("Finish every lesson and the final check to issue this certificate.")).toBeVisible();
  await finishCourse(context.request);

  await page.reload();
  await expect(page.getByText("You finished the course.")).toBeVisible();
  await expectAccessibleInBothThemes(page, "the certificates page, ready to issue");
  // The account's name is offered; the learner prints another one.
  const name = page.getByRole("textbox", { name: "Name to print" });
  await expect(name).toHaveValue(learner.name);
  await name.fill("Nour H.");
  await page.getByRole("button", { name: "Issue my certificate" }).click();
  const held = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Completed the course/ }) });
  await expect(held.getByText("Name printed: Nour H.")).toBeVisible();
  await expectAccessibleInBothThemes(page, "the certificates page, issued");

  const verifyHref = (await held.getByRole("link", { name: "Public check page" }).getAttribute("href"))!;
  const id = verifyHref.split("/").pop()!;
  const file = await (await context.request.get(`/api/credentials/${id}`)).json();
  expect(file.jwt.split(".")).toHaveLength(3);

  // The print page: a QR code and the address of the check page, on the paper chosen.
  await held.getByRole("link", { name: "Print on US Letter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Certificate" })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`/en/verify/${id}$`) })).toBeVisible();
  const pageRule = await page.evaluate(() => [...document.querySelectorAll("style")].map((s) => s.textContent ?? "").find((t) => t.includes("@page")));
  expect(pageRule).toContain("size: letter");
  await expectAccessibleInBothThemes(page, "the print page");

  // Someone else, in a fresh browser with no account.
  const stranger = await browser.newContext({ baseURL });
  try {
    const other = await stranger.newPage();
    await other.goto(verifyHref);
    await expect(other.getByRole("heading", { level: 2, name: /^Valid: this certificate is genuine/ })).toBeVisible();
    await expect(other.getByText("Nour H.")).toBeVisible();
    await expect(other.getByText(`Completed the course “${content.course.title}”`, { exact: false })).toBeVisible();
    const html = await other.content();
    for (const hidden of [learner.email, learner.name, "@example.org"]) expect(html).not.toContain(hidden);
    expect(await other.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
    await expectAccessibleInBothThemes(other, "the public check page");

    // The file, pasted: genuine; then with the name changed: found out.
    await other.getByRole("link", { name: "Check a certificate file instead" }).click();
    await other.getByRole("textbox", { name: "Or paste the certificate's text" }).fill(JSON.stringify(file));
    await other.getByRole("button", { name: "Check" }).click();
    await expect(other.getByRole("heading", { level: 2, name: /^Valid:/ })).toBeVisible();
    const changed = structuredClone(file);
    changed.credential.credentialSubject.identifier[0].identityHash = "Somebody Else";
    await other.getByRole("textbox", { name: "Or paste the certificate's text" }).fill(JSON.stringify(changed));
    await other.getByRole("button", { name: "Check" }).click();
    await expect(other.getByRole("heading", { level: 2, name: /^Not genuine:/ })).toBeVisible();
    await expectAccessibleInBothThemes(other, "the file check page");

    // Withdrawn by the learner: the public page says so.
    await page.goto("/en/certificates");
    await page.getByRole("button", { name: "Withdraw this certificate" }).click();
    await expect(page.getByText("Withdrawn: it no longer counts as valid.")).toBeVisible();
    await other.goto(verifyHref);
    await expect(other.getByRole("heading", { level: 2, name: /^Withdrawn:/ })).toBeVisible();
  } finally {
    await stranger.close();
  }
});
