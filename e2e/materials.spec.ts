import path from "node:path";
import type { Page } from "@playwright/test";
import { loadContent, quizKey } from "../lib/content/load";
import { asShown } from "../lib/content/pair-rules";
import { cardSheets, hasKey, type Material } from "../lib/content/materials";
import { expect, expectAccessible, test } from "./fixtures";

// The printable materials as written, so the tests follow the content files.
const en = (() => {
  const { content: all, problems } = loadContent(path.join(__dirname, "..", "content"));
  if (problems.length) throw new Error(`content is invalid: ${JSON.stringify(problems[0])}`);
  return all.find((c) => c.locale === "en")!;
})();
const materials = en.materials;
const trackOf = (id: string) => en.tracks.find((t) => t.id === id)!;
/** A set's print page, under the first track that lists it. */
const urlOf = (m: Material) => `/en/tracks/${m.tracks[0]}/materials/${m.id}`;
const KEY = "Answer key (for the teacher or facilitator)";

/** Pages in a PDF, counted the way PDF readers do: one /Type /Page object per page (as in help-and-tracks.spec.ts). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/**
 * The printable area inside the 12 mm @page margins of app/print.css, in CSS pixels (96 an
 * inch): A4 is 210 x 297 mm, US Letter 215.9 x 279.4 mm.
 */
const MM = 96 / 25.4;
const PAPER = { A4: [210, 297], Letter: [215.9, 279.4] } as const;
type Format = keyof typeof PAPER;
const area = (f: Format) => ({ width: Math.floor((PAPER[f][0] - 24) * MM), height: Math.floor((PAPER[f][1] - 24) * MM) });

interface PrintLayout {
  /** Each printed section (a card sheet, a sheet, the key) starts a page: its height and whether it is a card sheet. */
  sections: { height: number; cards: boolean; breakBefore: string }[];
  /** Cards whose text does not fit their box. */
  cutCards: string[];
  /** Wider than the paper: the page scrolls sideways. */
  overflowX: number;
  /** Site chrome and controls that must not print, with their display. */
  chrome: { selector: string; display: string }[];
}

/** Lays the page out as print at the paper's printable width and reads what the PDF will hold. */
async function printLayout(page: Page, format: Format): Promise<PrintLayout> {
  const { width, height } = area(format);
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ media: "print" });
  return page.evaluate(() => {
    const sections = [...document.querySelectorAll<HTMLElement>(".material-section")].map((s) => ({
      height: s.getBoundingClientRect().height,
      cards: s.classList.contains("material-sheet"),
      breakBefore: getComputedStyle(s).breakBefore,
    }));
    const cutCards = [...document.querySelectorAll<HTMLElement>(".material-card")]
      .filter((c) => c.scrollHeight > c.clientHeight + 1 || c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.innerText.slice(0, 60));
    const chrome = [".site-header", ".site-footer", ".breadcrumbs", ".actions", "button"].flatMap((selector) =>
      [...document.querySelectorAll<HTMLElement>(selector)].map((e) => ({ selector, display: getComputedStyle(e).display })),
    );
    return { sections, cutCards, overflowX: document.documentElement.scrollWidth - window.innerWidth, chrome };
  });
}

test("the materials index of each track lists its sets, each linked to its print page", async ({ publicPage: page }) => {
  for (const track of en.tracks) {
    const sets = materials.filter((m) => m.tracks.includes(track.id));
    const response = await page.goto(`/en/tracks/${track.id}/materials`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: `Printable materials: ${track.title}` })).toBeVisible();
    for (const m of sets) {
      await expect(page.getByRole("link", { name: m.title, exact: true })).toHaveAttribute("href", urlOf(m).replace(`/${m.tracks[0]}/`, `/${track.id}/`));
      await expect(page.getByText(m.summary)).toBeVisible();
    }
    if (sets.length === 0) await expect(page.getByText("This plan has no printable materials.")).toBeVisible();
    await expectAccessible(page, `materials index of ${track.id}`);
  }
});

test("the track plans link each activity's materials and the whole set", async ({ publicPage: page }) => {
  for (const track of en.tracks.filter((t) => t.kind !== "self-paced")) {
    await page.goto(`/en/tracks/${track.id}`);
    await expect(page.getByRole("link", { name: "Open the printable materials" })).toHaveAttribute("href", `/en/tracks/${track.id}/materials`);
    // A workshop's parts are on its page; a school lesson's activities are on that lesson's own page.
    const pages =
      track.kind === "school"
        ? track.lessons.map((l) => ({ url: `/en/tracks/${track.id}/${l.id}`, handouts: [...l.activities.flatMap((a) => a.handouts), ...l.prepare.flatMap((p) => p.print)] }))
        : track.kind === "workshop"
          ? [{ url: `/en/tracks/${track.id}`, handouts: [...track.parts.flatMap((p) => p.handouts), ...track.materials.flatMap((m) => m.print)] }]
          : [];
    expect(pages.flatMap((p) => p.handouts).length, `${track.id} links materials from its activities`).toBeGreaterThan(0);
    for (const { url, handouts } of pages) {
      if (page.url() !== new URL(url, page.url()).href) await page.goto(url);
      for (const id of new Set(handouts)) {
        const m = materials.find((x) => x.id === id)!;
        await expect(page.getByRole("link", { name: `Print: ${m.title}`, exact: true }).first(), `${url} links ${id}`).toHaveAttribute("href", `/en/tracks/${track.id}/materials/${id}`);
      }
    }
  }
  // The school lesson with the behaviour cards names them where the activity is.
  const school = en.tracks.find((t) => t.kind === "school")!;
  const withCards = school.kind === "school" ? school.lessons.find((l) => l.activities.some((a) => a.handouts.includes("behaviour-cards")))! : undefined;
  await page.goto(`/en/tracks/${school.id}/${withCards!.id}`);
  const row = page.getByRole("row", { name: /^Four piles/ });
  await expect(row.getByRole("link", { name: /^Print: Behaviour cards/ })).toHaveAttribute("href", `/en/tracks/${school.id}/materials/behaviour-cards`);
});

test("every material a plan asks for, in its bring or prepare lists, opens a print page with its answer key apart", async ({ publicPage: page }) => {
  // The content check refuses a printed thing with no page (lib/content/plan.ts); this follows each link.
  const asked = en.tracks.flatMap((t) =>
    (t.kind === "workshop" ? t.materials : t.kind === "school" ? t.lessons.flatMap((l) => l.prepare) : []).flatMap((item) => item.print.map((id) => ({ track: t.id, id }))),
  );
  expect(asked.map((a) => a.id)).toEqual(expect.arrayContaining(["workshop-quizzes", "feedback-form", "parent-letter"]));
  for (const { track, id } of asked) {
    const m = materials.find((x) => x.id === id)!;
    expect((await page.goto(`/en/tracks/${track}/materials/${id}`))?.status(), `${track}/${id}`).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: m.title })).toBeVisible();
    if (hasKey(m)) await expect(page.getByRole("region", { name: KEY })).toBeVisible();
  }
  // The workshop's printed quizzes: every question of each quiz, and its key on sheets of its own.
  const quizzes = materials.find((m) => m.id === "workshop-quizzes")!;
  await page.goto(urlOf(quizzes));
  if (quizzes.kind === "quiz") {
    for (const lesson of quizzes.lessons) {
      const found = en.lessons.find((l) => l.id === lesson)!;
      const quiz = en.quizzes.get(quizKey(found.courseId, found.quizId!))!;
      // Every question a learner sees (one version of each bias-check pair), in the key too.
      const shown = asShown(quiz).questions.length;
      const [sheet, key] = [page.getByRole("region", { name: `From the lesson: ${found.title}` }).first(), page.getByRole("region", { name: KEY }).getByRole("region", { name: `From the lesson: ${found.title}` })];
      await expect(sheet.locator(".material-question")).toHaveCount(shown);
      await expect(key.locator(".material-question")).toHaveCount(shown);
    }
  }
});

for (const m of materials) {
  test(`${m.id} prints on A4 and Letter with its key on a page of its own and no text cut`, async ({ page }) => {
    test.slow(); // two PDFs and two print layouts
    await page.goto(urlOf(m));
    await expect(page.getByRole("heading", { level: 1, name: m.title })).toBeVisible();
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    await expect(page.getByRole("link", { name: "All printable materials" })).toHaveAttribute("href", `/en/tracks/${m.tracks[0]}/materials`);
    if (hasKey(m)) await expect(page.getByRole("region", { name: KEY })).toBeVisible();
    else await expect(page.getByRole("heading", { name: KEY })).toHaveCount(0);
    if (m.kind === "cards") {
      // Every card's words are on a card, in order, and in the key.
      const cards = page.locator(".material-card");
      await expect(cards).toHaveCount(m.cards.length);
      for (const [i, c] of m.cards.entries()) {
        await expect(cards.nth(i)).toContainText(`Card ${i + 1}`);
        await expect(cards.nth(i)).toContainText(c.text);
        await expect(page.getByRole("region", { name: KEY }).getByRole("row").nth(i + 1)).toContainText(c.why);
      }
    }
    if (m.kind === "quiz") {
      for (const lesson of m.lessons) {
        const title = en.lessons.find((l) => l.id === lesson)!.title;
        // The question sheet, then the same lesson's part of the key.
        await expect(page.getByRole("region", { name: `From the lesson: ${title}` })).toHaveCount(2);
      }
    }
    await expectAccessible(page, `material ${m.id}`);

    for (const format of ["A4", "Letter"] as const) {
      const layout = await printLayout(page, format);
      const { height } = area(format);
      // Nothing of the site prints: header, footer, breadcrumbs, the print button and links.
      for (const c of layout.chrome) expect(c.display, `${c.selector} in print (${m.id})`).toBe("none");
      expect(layout.overflowX, `${m.id} is no wider than ${format} paper`).toBeLessThanOrEqual(1);
      expect(layout.cutCards, `${m.id}: cards whose text is cut on ${format}`).toEqual([]);
      // Every section after the first starts a new page: the key never shares a page with the cards.
      expect(layout.sections.slice(1).map((s) => s.breakBefore)).toEqual(layout.sections.slice(1).map(() => "page"));

      const sheets = m.kind === "cards" ? cardSheets(m.cards).length : 0;
      expect(layout.sections.filter((s) => s.cards)).toHaveLength(sheets);
      for (const s of layout.sections.filter((x) => x.cards)) expect(s.height, `a card sheet of ${m.id} fits one ${format} page`).toBeLessThanOrEqual(height);

      // Each section takes at least one page; a long one as many as its height needs, plus one
      // where a row or question that may not be split moves to the next page.
      const least = layout.sections.length;
      const most = layout.sections.reduce((n, s) => n + Math.max(1, Math.ceil(s.height / height)) + (s.cards ? 0 : 1), 0);
      const pages = pdfPages(await page.pdf({ format }));
      expect(pages, `${m.id} on ${format}: ${layout.sections.length} sections, ${sheets} card sheet(s)`).toBeGreaterThanOrEqual(least);
      expect(pages, `${m.id} on ${format}`).toBeLessThanOrEqual(most);
      if (m.kind === "cards") expect(pages, `${m.id}: ${sheets} card sheet(s) then the key`).toBeGreaterThanOrEqual(sheets + 1);
      if (m.kind === "form") expect(pages, `${m.id}: a form is one sheet`).toBe(1);
    }
    await page.emulateMedia({ media: "screen" });
  });
}

test("a set that a track does not list is a 404 page", async ({ publicPage: page }) => {
  const schoolOnly = materials.find((m) => !m.tracks.includes("workshop"))!;
  const workshop = en.tracks.find((t) => t.kind === "workshop")!;
  expect((await page.goto(`/en/tracks/${workshop.id}/materials/${schoolOnly.id}`))?.status()).toBe(404);
  expect((await page.goto(`/en/tracks/${trackOf(schoolOnly.tracks[0]).id}/materials/no-such-set`))?.status()).toBe(404);
});

test("the materials pages pass axe in the dark theme too", async ({ publicPage: page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  for (const url of [`/en/tracks/${materials[0].tracks[0]}/materials`, urlOf(materials.find((m) => m.kind === "cards")!)]) {
    await page.goto(url);
    await expectAccessible(page, `${url} (dark)`);
  }
});
