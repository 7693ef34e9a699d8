// Languages (issue #25), with the languages content/locales.json enables: every page says its
// language and direction on <html>, carries the language switcher (each language named in itself,
// the page's own marked, the same place in the other language, reachable by keyboard), "/" is
// negotiated from Accept-Language among the enabled languages only and then from the remembered
// choice (the NEXT_LOCALE cookie; the account for a signed-in person), and the Arabic font is
// served by the app itself, to every page including the print ones.
import fs from "node:fs";
import path from "node:path";
import { content, expect, expectAccessibleInBothThemes, newLearner, signInApi, signUpApi, signedInContext, test } from "./fixtures";

const config = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "content", "locales.json"), "utf8")) as {
  defaultLocale: string;
  locales: { code: string; name: string; dir: "ltr" | "rtl" }[];
};
const codes = config.locales.map((l) => l.code);
/** The switcher's name in each language ("Language" in English). */
const switcherName = (code: string) =>
  (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "content", code, "messages.json"), "utf8")) as { language: { label: string } }).language.label;
const lesson = content.lessons[0];
/** Pages every visitor meets, as paths after the locale prefix. */
const KEY_PAGES = ["", "/courses", lesson ? content.lessonPath(lesson.id).replace(/^\/en/, "") : "/courses", "/help", "/tracks", "/join", "/sign-in"];

const cookieOf = (setCookies: { name: string; value: string }[], name: string) => setCookies.find((c) => c.name === name)?.value;

test("each key page says its language and direction on <html>, and carries the switcher with every language named in itself", async ({ publicPage: page }) => {
  for (const { code, dir } of config.locales) {
    for (const rest of KEY_PAGES) {
      const pagePath = `/${code}${rest}`;
      await page.goto(pagePath);
      await expect(page.locator("html"), pagePath).toHaveAttribute("lang", code);
      await expect(page.locator("html"), pagePath).toHaveAttribute("dir", dir);
      const switcher = page.getByRole("navigation", { name: switcherName(code) });
      await expect(switcher, pagePath).toBeVisible();
      const links = switcher.getByRole("link");
      await expect(links).toHaveCount(config.locales.length);
      for (const [i, language] of config.locales.entries()) {
        const link = links.nth(i);
        await expect(link).toHaveText(language.name);
        await expect(link).toHaveAttribute("lang", language.code);
        await expect(link).toHaveAttribute("hreflang", language.code);
        await expect(link).toHaveAttribute("dir", language.dir);
        // The same page in that language.
        await expect(link).toHaveAttribute("href", `/${language.code}${rest}`);
        if (language.code === code) await expect(link).toHaveAttribute("aria-current", "true");
        else await expect(link).not.toHaveAttribute("aria-current");
      }
    }
  }
});

test("the switcher keeps the learner's place: the query and fragment go with the path", async ({ publicPage: page }) => {
  await page.goto("/en/courses?from=home#list");
  const current = page.getByRole("navigation", { name: switcherName("en") }).getByRole("link", { name: config.locales[0].name });
  await expect(current).toHaveAttribute("href", `/${config.locales[0].code}/courses?from=home#list`);
});

test("the switcher is reached and followed with the keyboard alone, and remembers the choice", async ({ page }) => {
  await page.goto("/en/help");
  const current = page.getByRole("navigation", { name: switcherName("en") }).locator('a[aria-current="true"]');
  for (let i = 0; i < 80 && !(await current.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(current).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/en\/help$/);
  const cookies = await page.context().cookies();
  expect(cookieOf(cookies, "NEXT_LOCALE")).toBe("en");
  expect(cookies.find((c) => c.name === "NEXT_LOCALE")!.expires - Date.now() / 1000).toBeGreaterThan(300 * 24 * 3600);
});

test("the home and a lesson page, footer switcher included, are accessible in both themes in every language", async ({ publicPage: page }) => {
  for (const code of codes) {
    for (const rest of [KEY_PAGES[0], KEY_PAGES[2]]) {
      await page.goto(`/${code}${rest}`);
      await expectAccessibleInBothThemes(page, `/${code}${rest} with the language switcher`);
    }
  }
});

test("a first visit to / is negotiated from Accept-Language among the enabled languages only", async ({ playwright, baseURL }) => {
  const root = async (headers: Record<string, string>) => {
    const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
    const res = await ctx.get("/", { maxRedirects: 0 });
    const location = res.headers()["location"];
    await ctx.dispose();
    expect([307, 308], JSON.stringify(headers)).toContain(res.status());
    return new URL(location, baseURL).pathname;
  };
  for (const code of codes) expect(await root({ "Accept-Language": `${code};q=1, de;q=0.5` })).toBe(`/${code}`);
  // A language the app does not offer (yet) falls to the next one asked for, then to the default.
  const offered = ["ar", "fr", "es", "de"].filter((c) => !codes.includes(c));
  expect(await root({ "Accept-Language": `${offered.join(", ")}, ${config.defaultLocale};q=0.1` })).toBe(`/${config.defaultLocale}`);
  expect(await root({ "Accept-Language": "tlh" })).toBe(`/${config.defaultLocale}`);
  // The remembered choice wins over the header, and a cookie naming no enabled language is ignored.
  for (const code of codes) expect(await root({ "Accept-Language": offered[0] ?? "de", Cookie: `NEXT_LOCALE=${code}` })).toBe(`/${code}`);
  expect(await root({ "Accept-Language": config.defaultLocale, Cookie: "NEXT_LOCALE=tlh" })).toBe(`/${config.defaultLocale}`);
});

test("a signed-in person's choice is saved on the account and comes back when they sign in elsewhere", async ({ page, baseURL, playwright }) => {
  const learner = await signedInContext(page.context(), baseURL!);
  const target = config.locales[config.locales.length - 1];
  await page.goto("/en/dashboard");
  // Following the switcher saves the choice (POST /api/account/locale) before the page changes.
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/account/locale") && r.request().method() === "POST");
  await page.getByRole("navigation", { name: switcherName("en") }).getByRole("link", { name: target.name }).click();
  expect((await saved).status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`/${target.code}/dashboard$`));

  // Another browser: nothing remembered until sign-in, which sets the cookie from the account.
  const other = await playwright.request.newContext({ baseURL });
  await signInApi(other, learner);
  const cookies = (await other.storageState()).cookies;
  expect(cookieOf(cookies, "NEXT_LOCALE")).toBe(target.code);
  const home = await other.get("/", { maxRedirects: 0, headers: { "Accept-Language": "tlh" } });
  expect(new URL(home.headers()["location"], baseURL).pathname).toBe(`/${target.code}`);
  await other.dispose();
});

test("the language route refuses a guest and a language the app does not offer", async ({ request }) => {
  expect((await request.post("/api/account/locale", { data: { locale: config.defaultLocale } })).status()).toBe(401);
  const learner = newLearner();
  await signUpApi(request, learner);
  await signInApi(request, learner);
  expect((await request.post("/api/account/locale", { data: { locale: "tlh" } })).status()).toBe(400);
  const ok = await request.post("/api/account/locale", { data: { locale: config.defaultLocale } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["set-cookie"]).toMatch(new RegExp(`^NEXT_LOCALE=${config.defaultLocale}; Path=/; Max-Age=31536000; SameSite=Lax`));
});

test("the Arabic font is the app's own file, in the app's stylesheet on every page, print pages included", async ({ request, baseURL }) => {
  const printPage = fs
    .readdirSync(path.join(__dirname, "..", ".next", "server", "app", "en", "tracks"), { recursive: true, encoding: "utf8" })
    .find((f) => f.endsWith(`${path.sep}print.html`));
  expect(printPage, "a prerendered print page").toBeTruthy();
  for (const pagePath of [`/${config.defaultLocale}`, `/en/tracks/${printPage!.replace(/\.html$/, "").split(path.sep).join("/")}`]) {
    const html = await (await request.get(pagePath)).text();
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    // The app's composed stylesheet is one of them (facilitator and print screens add their own).
    let face: RegExpExecArray | null = null;
    let sheetUrl = new URL("/", baseURL);
    for (const href of sheets) {
      sheetUrl = new URL(href, baseURL);
      face = /@font-face\s*\{[^}]*font-family:\s*"?Noto Naskh Arabic"?;[^}]*src:\s*url\(([^)]+)\)[^}]*unicode-range:[^}]*U\+(?:6\?\?|0?600-0?6FF)/i.exec(await (await request.get(sheetUrl.pathname)).text());
      if (face) break;
    }
    expect(face, `${pagePath}: the Arabic @font-face`).not.toBeNull();
    const fontUrl = new URL(face![1].replace(/^["']|["']$/g, ""), sheetUrl);
    expect(fontUrl.origin, "served by the app, not a font service").toBe(sheetUrl.origin);
    expect(fontUrl.pathname).toMatch(/^\/_next\/static\/media\/noto-naskh-arabic-400\.[^/]+\.woff2$/);
    const font = await request.get(fontUrl.pathname);
    expect(font.status()).toBe(200);
    expect((await font.body()).subarray(0, 4).toString("latin1")).toBe("wOF2");
    expect(await (await request.get(sheetUrl.pathname)).text()).toMatch(/--font-body:\s*"?Noto Naskh Arabic"?,/);
  }
});

// Its own browser context (not the shared publicPage): a page that showed Arabic earlier in the
// worker leaves the face in that context's memory and in its service worker's precache.
test("an English page names Arabic in the device's font and never downloads the Arabic face; an Arabic page does", async ({ page }) => {
  const fonts: string[] = [];
  // The page's own font loads, not the service worker's precache of the app shell.
  page.on("request", (r) => {
    if (r.resourceType() === "font" && !r.serviceWorker()) fonts.push(new URL(r.url()).pathname);
  });
  const lessonRest = lesson ? content.lessonPath(lesson.id).replace(/^\/en/, "") : "/courses";
  await page.goto(`/en${lessonRest}`);
  await expect(page.locator('.language-list a[lang="ar"]')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  expect(fonts.filter((f) => f.includes("noto-naskh-arabic")), "English page: 52 KB for one word in the footer").toEqual([]);
  await page.goto(`/ar${lessonRest}`);
  await page.evaluate(() => document.fonts.ready);
  await expect.poll(() => fonts.some((f) => /noto-naskh-arabic-400\.[^/]+\.woff2$/.test(f)), { message: "an Arabic page shapes its text with the shipped face" }).toBe(true);
});
