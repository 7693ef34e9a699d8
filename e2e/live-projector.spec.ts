// The live session's projector (issue #24): a facilitator opens it on a 1920x1080 screen, phones
// join and answer through the API, and the projector follows every step without a reload: the
// lobby's code and QR, the joined count, a question with no distribution until the reveal, a
// discernment round with the room's hits and false alarms, a scenario's tally, names only when
// the facilitator shows them, axe in both themes; a stranger gets "not found".
import crypto from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { content, expect, expectAccessibleInBothThemes, newLearner, signInApi, signUpHeaders, test } from "./fixtures";

/** A single-choice question with worded options (true/false options have no text of their own). */
const questionLesson = content.lessons.find((l) => content.quizFor(l.id)?.questions.some((q) => q.type === "single"))!;
const question = content.quizFor(questionLesson.id)!.questions.find((q) => q.type === "single")!;
const right = question.options.find((o) => question.correct.includes(o.id))!;
const wrong = question.options.find((o) => !question.correct.includes(o.id))!;

/** A sort question: items into piles; its key is "item:pile" for every item. */
const sortLesson = content.lessons.find((l) => content.quizFor(l.id)?.questions.some((q) => q.type === "sort"))!;
const sortQuestion = content.quizFor(sortLesson.id)!.questions.find((q) => q.type === "sort")!;

const discernLesson = content.lessons.find((l) => content.quizFor(l.id)?.questions.some((q) => q.type === "discern"))!;
const discern = content.quizFor(discernLesson.id)!.questions.find((q) => q.type === "discern")!;

const scenarioLesson = content.lessons.find((l) => content.lessonScenario(l.id)?.steps[content.lessonScenario(l.id)!.start]?.choices?.length)!;
const scenario = content.lessonScenario(scenarioLesson.id)!;
const scenarioId = scenario.id;
const startNode = scenario.steps[scenario.start];

/** Nicknames that appear nowhere in the course's text (a story's "Robin" would blur the check). */
const NICKNAMES = ["Ottoline Q", "Zebedee Q", "Marisol Q"];

async function signUpFacilitator(request: APIRequestContext, name: string) {
  const person = newLearner(name);
  const res = await request.post("/api/account", { headers: signUpHeaders(), data: { email: person.email, password: person.password, displayName: name, role: "facilitator" } });
  expect(res.status(), await res.text()).toBe(201);
  await signInApi(request, person);
}

async function control(request: APIRequestContext, sessionId: string, action: Record<string, unknown>) {
  const res = await request.post(`/api/live/${sessionId}/control`, { data: action });
  expect(res.status(), `${JSON.stringify(action)}: ${await res.text()}`).toBe(200);
}

/** A phone that joined with a nickname: its own request context holds its live cookie. */
async function joinPhone(baseURL: string, code: string, nickname: string) {
  const phone = await playwrightRequest.newContext({ baseURL });
  const res = await phone.post("/api/live/join", { data: { code, nickname } });
  expect(res.status(), await res.text()).toBe(200);
  const { sessionId } = (await res.json()) as { sessionId: string };
  return {
    phone,
    /** Answers the round on screen, as the phone's view names it. */
    async answer(chosen: string[]) {
      const view = (await (await phone.get(`/api/live/${sessionId}/state?view=participant`)).json()) as { step: { round: string } };
      const sent = await phone.post(`/api/live/${sessionId}/answers`, { data: { id: crypto.randomUUID(), round: view.step.round, chosen } });
      expect(sent.status(), await sent.text()).toBe(200);
    },
  };
}

/** The WCAG contrast ratio of an element's text against the first opaque background behind it. */
function contrastOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    let back: Element | null = el;
    let bg = "rgba(0, 0, 0, 0)";
    while (back) {
      const c = getComputedStyle(back).backgroundColor;
      const parts = rgb(c);
      if (parts.length === 3 || (parts.length === 4 && parts[3] === 1)) {
        bg = c;
        break;
      }
      back = back.parentElement;
    }
    const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(rgb(bg))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

test.describe("on a projector", () => {
  test.skip(({ isMobile }) => Boolean(isMobile), "the projector's screen is 1920x1080; its phone width is checked below");

  test("a facilitator projects a session: lobby, question, discernment round and scenario, revealed only when they choose", async ({ page, baseURL, browser }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await signUpFacilitator(page.request, "Projecting Facilitator");
    const created = await page.request.post("/api/live", { data: { locale: "en", courseId: content.course.id } });
    expect(created.status(), await created.text()).toBe(200);
    const { id, code } = (await created.json()) as { id: string; code: string };
    const projectorPath = `/en/facilitate/live/${id}/projector`;
    const joinUrl = `${baseURL}/en/join/${code}`;

    await page.goto(projectorPath);
    const phones: Awaited<ReturnType<typeof joinPhone>>[] = [];

    await test.step("the lobby: the code, the join address and a QR code of at least 600 px", async () => {
      await expect(page.getByRole("heading", { level: 1, name: "Join on your phone" })).toBeVisible();
      await expect(page.getByText(code.slice(0, 4), { exact: true })).toBeVisible();
      await expect(page.getByText(code.slice(4), { exact: true })).toBeVisible();
      await expect(page.getByText(joinUrl, { exact: true })).toBeVisible();
      const qr = page.getByRole("img", { name: `QR code that opens ${joinUrl}` });
      await expect(qr).toBeVisible();
      const box = (await qr.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(600);
      expect(box.height).toBeGreaterThanOrEqual(600);
      // The whole lobby fits the screen: the site's header and footer take no space.
      await expect(page.getByRole("banner")).toBeHidden();
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
      await expect(page.getByText("0 joined", { exact: true })).toBeVisible();
    });

    await test.step("phones join: the count follows, the names stay hidden until shown", async () => {
      for (const nickname of NICKNAMES) phones.push(await joinPhone(baseURL!, code, nickname));
      await expect(page.getByText("3 joined", { exact: true })).toBeVisible();
      await expect(page.getByText(NICKNAMES[0])).toHaveCount(0);
      await control(page.request, id, { type: "names", show: true });
      await expect(page.getByRole("heading", { name: "Who is here" })).toBeVisible();
      for (const nickname of NICKNAMES) await expect(page.getByText(nickname, { exact: true })).toBeVisible();
      await expectAccessibleInBothThemes(page, "the projector's lobby with names");
      await control(page.request, id, { type: "names", show: false });
      await expect(page.getByText(NICKNAMES[0])).toHaveCount(0);
    });

    await test.step("a question: large and AAA, only the count until the reveal, then the distribution", async () => {
      await control(page.request, id, { type: "add", step: { kind: "question", lesson: questionLesson.id, question: question.id } });
      const prompt = page.getByRole("heading", { level: 1, name: question.prompt });
      await expect(prompt).toBeVisible();
      const size = await prompt.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(32);
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await contrastOf(page, "h1"), `prompt contrast, ${scheme}`).toBeGreaterThanOrEqual(7);
      }
      await page.emulateMedia({ colorScheme: "light" });
      for (const o of question.options) await expect(page.getByRole("listitem").filter({ hasText: o.text }).first()).toBeVisible();
      // A join strip keeps the code on screen for latecomers.
      await expect(page.getByText(`with code ${code.slice(0, 4)} ${code.slice(4)}`)).toBeVisible();

      await phones[0].answer([right.id]);
      await phones[1].answer([right.id]);
      await phones[2].answer([wrong.id]);
      await expect(page.getByText("Answered: 3 of 3")).toBeVisible();
      // No distribution before the reveal: no votes, no key.
      await expect(page.getByText(/\(\d+%\)/)).toHaveCount(0);
      await expect(page.getByText("Correct answer")).toHaveCount(0);
      await expectAccessibleInBothThemes(page, "the projector's open question");

      await control(page.request, id, { type: "reveal" });
      // An option's row: the list item whose own line is the option's text (feedback may quote another option).
      const optionRow = (text: string) => page.getByRole("listitem").filter({ has: page.getByText(text, { exact: true }) });
      const rightRow = optionRow(right.text);
      await expect(rightRow.getByText("Correct answer")).toBeVisible();
      await expect(rightRow).toBeVisible();
      await expect(rightRow.getByText("2 (67%)")).toBeVisible();
      await expect(rightRow.getByText(right.feedback)).toBeVisible();
      const wrongRow = optionRow(wrong.text);
      await expect(wrongRow.getByText("1 (33%)")).toBeVisible();
      await expect(wrongRow.getByText("Correct answer")).toHaveCount(0);
      await expect(page.getByText(question.explanation)).toBeVisible();
      await expect(page.getByRole("heading", { name: "Talk about it" })).toBeVisible();
      // Screen readers hear the reveal once, with its figure.
      await expect(page.locator(".live-projector").getByRole("status")).toContainText("Results shown. Answered: 3 of 3");
      await expectAccessibleInBothThemes(page, "the projector's revealed question");
    });

    await test.step("a sort question: after the reveal, each item's piles with the right one ticked", async () => {
      await control(page.request, id, { type: "add", step: { kind: "question", lesson: sortLesson.id, question: sortQuestion.id } });
      await expect(page.getByRole("heading", { level: 1, name: sortQuestion.prompt })).toBeVisible();
      // Everyone sorts every item right.
      for (const p of phones) await p.answer(sortQuestion.correct);
      await expect(page.getByText("Answered: 3 of 3")).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
      await control(page.request, id, { type: "reveal" });
      const item = sortQuestion.options[0];
      const row = page.getByRole("row").filter({ has: page.getByText(item.text, { exact: true }) });
      await expect(row.getByRole("cell", { name: "3 (100%) (the right pile)" })).toBeVisible();
      await expect(row.getByRole("cell", { name: "0 (0%)" }).first()).toBeVisible();
      await expectAccessibleInBothThemes(page, "the projector's revealed sort question");
    });

    await test.step("a discernment round: the post, then the room's hits and false alarms", async () => {
      await control(page.request, id, { type: "add", step: { kind: "discernment", lesson: discernLesson.id, question: discern.id } });
      const first = discern.options[0];
      await expect(page.getByRole("heading", { level: 1, name: `Post 1 of ${discern.options.length}` })).toBeVisible();
      await expect(page.getByText(first.text)).toBeVisible();
      const firstIsManipulative = discern.correct.includes(first.id);
      // Two flag it, one leaves it.
      await phones[0].answer(["manipulative"]);
      await phones[1].answer(["manipulative"]);
      await phones[2].answer(["genuine"]);
      await expect(page.getByText("Answered: 3 of 3")).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
      await control(page.request, id, { type: "reveal" });
      await expect(page.getByText(firstIsManipulative ? "Uses manipulation" : "Genuine", { exact: true })).toBeVisible();
      await expect(page.getByText(first.feedback)).toBeVisible();
      const row = page.getByRole("row", { name: /^This post/ });
      // Columns: hits, misses, false alarms, correct rejections.
      await expect(row.getByRole("cell")).toHaveText(firstIsManipulative ? ["2", "1", "0", "0"] : ["0", "0", "2", "1"]);
      await expectAccessibleInBothThemes(page, "the projector's revealed discernment post");

      await control(page.request, id, { type: "next" });
      const second = discern.options[1];
      await expect(page.getByRole("heading", { level: 1, name: `Post 2 of ${discern.options.length}` })).toBeVisible();
      for (const p of phones) await p.answer(["manipulative"]);
      await expect(page.getByText("Answered: 3 of 3")).toBeVisible();
      await control(page.request, id, { type: "reveal" });
      const secondIsManipulative = discern.correct.includes(second.id);
      await expect(page.getByRole("row", { name: /^This post/ }).getByRole("cell")).toHaveText(secondIsManipulative ? ["3", "0", "0", "0"] : ["0", "0", "3", "0"]);
      const soFar = [0, 0, 0, 0];
      soFar[firstIsManipulative ? 0 : 2] += 2;
      soFar[firstIsManipulative ? 1 : 3] += 1;
      soFar[secondIsManipulative ? 0 : 2] += 3;
      await expect(page.getByRole("row", { name: /^So far/ }).getByRole("cell")).toHaveText(soFar.map(String));
    });

    await test.step("a scenario: the count while voting, the tally after, the path taken", async () => {
      await control(page.request, id, { type: "add", step: { kind: "scenario", lesson: scenarioLesson.id, scenario: scenarioId } });
      await expect(page.getByRole("heading", { level: 1, name: startNode.text })).toBeVisible();
      const [a, b] = startNode.choices!;
      await phones[0].answer([a.id]);
      await phones[1].answer([a.id]);
      await phones[2].answer([b.id]);
      await expect(page.getByText("Answered: 3 of 3")).toBeVisible();
      await expect(page.getByText(/people \(\d+%\)/)).toHaveCount(0);
      await control(page.request, id, { type: "reveal" });
      const tally = page.getByRole("region", { name: "How the room voted" });
      await expect(tally.getByRole("listitem").filter({ hasText: a.text }).getByText("2 of 3 people (67%)")).toBeVisible();
      await expect(tally.getByRole("listitem").filter({ hasText: b.text }).getByText("1 of 3 people (33%)")).toBeVisible();
      await expectAccessibleInBothThemes(page, "the projector's scenario tally");
      await control(page.request, id, { type: "follow" });
      const path = page.getByRole("region", { name: /The path so far|The paths the room took/ });
      await expect(path.getByRole("listitem").filter({ hasText: a.text })).toContainText("the room's choice");
    });

    await test.step("the end: a thank-you", async () => {
      await control(page.request, id, { type: "end" });
      await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
      await expect(page.getByText("People who took part: 3")).toBeVisible();
      await expectAccessibleInBothThemes(page, "the projector's thank-you");
    });

    await test.step("someone who does not run the session gets not found", async () => {
      const stranger = await browser.newContext({ baseURL });
      await signUpFacilitator(stranger.request, "Stranger Facilitator");
      const strangerPage = await stranger.newPage();
      const res = await strangerPage.goto(projectorPath);
      expect(res?.status()).toBe(404);
      await expect(strangerPage.getByText(code.slice(0, 4), { exact: true })).toHaveCount(0);
      await stranger.close();
    });
    for (const p of phones) await p.phone.dispose();
  });
});

test.describe("on a phone", () => {
  test.skip(({ isMobile }) => !isMobile, "the phone width of the projector; the projector's own screen is above");

  test("the projector's lobby is whole at 390x844", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signUpFacilitator(page.request, "Pocket Facilitator");
    const created = await page.request.post("/api/live", { data: { locale: "en", courseId: content.course.id } });
    const { id, code } = (await created.json()) as { id: string; code: string };
    await page.goto(`/en/facilitate/live/${id}/projector`);
    await expect(page.getByRole("heading", { level: 1, name: "Join on your phone" })).toBeVisible();
    await expect(page.getByText(code.slice(0, 4), { exact: true })).toBeVisible();
    await expect(page.getByRole("img", { name: /^QR code that opens / })).toBeVisible();
    // Nothing to scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessibleInBothThemes(page, "the projector's lobby on a phone");
  });
});
