// node scripts/make-icons.mjs: draws the raster icons from app/icon.svg, after a change to it.
//
// app/icon.svg is the icon every browser that reads SVG icons uses (Next links it from every page).
// Two raster copies are made from it, by rendering it in Chromium:
// - app/favicon.ico: for browsers and tools that ask for /favicon.ico without reading the page;
//   without it, every first visit cost a 404 and a console error. One 32 x 32 PNG in an ICO
//   container (the PNG form of ICO, read by every browser since 2007).
// - app/apple-icon.png: iOS's home-screen icon, 180 x 180, on the page background, since iOS
//   fills transparency with black.
// - public/icons/icon-192.png and icon-512.png: the web app manifest's icons (app/manifest.ts),
//   transparent around the disc, as the SVG is.
// - public/icons/maskable-512.png: the manifest's maskable icon, which Android crops to a circle
//   or a rounded square: the page background to every edge, the disc inside the safe zone (the
//   centre circle of 80 % of the width, https://w3c.github.io/manifest/#icon-masks).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { findChromium } from "./chromium-path.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const svg = fs.readFileSync(path.join(root, "app", "icon.svg"), "utf8");
const PAGE_BACKGROUND = "#f8f7f3"; // --bg of the light palette, app/tokens.css

/** The icon drawn at `size` pixels, `inset` pixels from each edge, on `background` (transparent if none). */
async function render(browser, size, inset, background) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, colorScheme: "light" });
  const body = `<body style="margin:0;background:${background ?? "transparent"}"><img alt="" src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" style="display:block;margin:${inset}px;width:${size - 2 * inset}px;height:${size - 2 * inset}px"></body>`;
  await page.setContent(body);
  const png = await page.screenshot({ omitBackground: !background });
  await page.close();
  return png;
}

/** An ICO file holding one PNG image (ICONDIR, one ICONDIRENTRY, then the PNG's bytes). */
function icoFromPng(png, size) {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size % 256, 6); // width (0 means 256)
  header.writeUInt8(size % 256, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14); // size of the image data
  header.writeUInt32LE(header.length, 18); // where it starts
  return Buffer.concat([header, png]);
}

const executablePath = findChromium();
if (!executablePath) throw new Error("no Chromium found: run `node scripts/ensure-chromium.mjs` first");
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
try {
  fs.writeFileSync(path.join(root, "app", "favicon.ico"), icoFromPng(await render(browser, 32, 0), 32));
  fs.writeFileSync(path.join(root, "app", "apple-icon.png"), await render(browser, 180, 30, PAGE_BACKGROUND));
  const icons = path.join(root, "public", "icons");
  fs.mkdirSync(icons, { recursive: true });
  fs.writeFileSync(path.join(icons, "icon-192.png"), await render(browser, 192, 0));
  fs.writeFileSync(path.join(icons, "icon-512.png"), await render(browser, 512, 0));
  // The disc's diameter is 70 % of the width (inset 15 %), inside the 80 % safe circle.
  fs.writeFileSync(path.join(icons, "maskable-512.png"), await render(browser, 512, 77, PAGE_BACKGROUND));
  console.log("wrote app/favicon.ico, app/apple-icon.png and public/icons/*.png");
} finally {
  await browser.close();
}
