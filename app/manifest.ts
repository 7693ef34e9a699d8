// The web app manifest (/manifest.webmanifest): what makes the app installable on Android and
// desktop Chromium (e2e/offline.spec.ts asks Chromium for installability errors). The app's name
// is "Common Ground" in every language (site.name in content/*/messages.json); start_url is "/",
// which the proxy sends to the learner's language (their choice, else the browser's).
// Colours: --bg and --accent of the light palette, app/tokens.css. Icons: scripts/make-icons.mjs.
import type { MetadataRoute } from "next";
import { getTranslations } from "next-intl/server";
import { routing } from "@/i18n/routing";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const t = await getTranslations({ locale: routing.defaultLocale, namespace: "site" });
  return {
    id: "/",
    name: t("name"),
    short_name: t("name"),
    description: t("tagline"),
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f8f7f3",
    theme_color: "#1b646c",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
