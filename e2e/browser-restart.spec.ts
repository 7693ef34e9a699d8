import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { content, expect, test } from "./fixtures";

// Progress lives in the browser profile: close the whole browser, start it again, and it is there.
test("guest progress survives a browser restart", async ({ baseURL, launchOptions, viewport }) => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "cg-profile-"));
  const lesson = content.lessons[2];
  try {
    let browser = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, viewport });
    let page = await browser.newPage();
    await page.goto(content.lessonPath(lesson.id));
    await page.getByRole("button", { name: "Mark this lesson as done" }).click();
    await expect(page.getByRole("status")).toHaveText(/You have finished this lesson/);
    await browser.close();

    browser = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, viewport });
    page = await browser.newPage();
    await page.goto("/en/courses");
    await expect(page.getByRole("link", { name: new RegExp(lesson.title) })).toContainText("Done");
    await page.goto("/en");
    await expect(page.getByRole("link", { name: `Continue: ${lesson.title}` })).toBeVisible();
    await browser.close();
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
