// Suite 7 (issue #26): the public pages at the physical limit. nginx with the committed cache
// recipe (docs/nginx/common-ground.conf) in front of the app, against the same nginx serving the
// lesson's HTML as a static file; and a check, which fails the suite, that no personal page or API
// answer is ever served from that cache and that two users never see each other's page.
import fs from "node:fs";
import path from "node:path";
import { runLoad } from "../lib/load";
import { rawGet } from "../lib/http";
import { NGINX_CONF, renderRecipe, testNginxConf, writeNginxConf } from "../lib/nginx";
import { startServer, type Server } from "../lib/proc";
import { entry, median, type Entry } from "../lib/results";
import type { Bench } from "../run";
import { signUpAndIn } from "./answers";
import { warmUp } from "./pages";

const PERSONAL = ["/en/dashboard", "/en/account", "/api/me/assignments"];

/** Fails (throws) if a personal response came from the cache or carries someone else's name. */
async function checkPersonalNeverCached(origin: string, appOrigin: string): Promise<number> {
  const users = [await signUpAndIn(appOrigin, 9301), await signUpAndIn(appOrigin, 9302)];
  const names = ["Bench learner 9301", "Bench learner 9302"];
  let checked = 0;
  for (let round = 0; round < 5; round++) {
    for (const p of PERSONAL) {
      for (const [i, u] of users.entries()) {
        const res = await rawGet(origin + p, { cookie: u.cookie });
        const status = String(res.headers["x-cache-status"] ?? "");
        const cacheControl = String(res.headers["cache-control"] ?? "");
        if (res.status !== 200) throw new Error(`cache: ${p} for a signed-in user answered ${res.status} through nginx`);
        if (status !== "MISS" && status !== "BYPASS") throw new Error(`cache: ${p} for user ${i + 1} came with X-Cache-Status "${status}": a personal page must never come from the cache`);
        if (!/\b(no-store|private)\b/.test(cacheControl)) throw new Error(`cache: ${p} is sent with Cache-Control "${cacheControl}": a personal page must be private, no-store`);
        const body = res.body.toString("utf8");
        if (body.includes(names[1 - i])) throw new Error(`cache: ${p} for user ${i + 1} holds the other user's name`);
        if (p === "/en/account" && !body.includes(names[i])) throw new Error(`cache: ${p} for user ${i + 1} does not hold their own name`);
        checked++;
      }
      // And nobody signed in: never a page stored for someone else.
      const anon = await rawGet(origin + p);
      if (anon.headers["x-cache-status"] === "HIT" || names.some((n) => anon.body.toString("utf8").includes(n))) throw new Error(`cache: ${p} without a session was served a stored or personal page`);
      checked++;
    }
  }
  return checked;
}

export async function cacheSuite(b: Bench, o: { nginx: string; cachePort: number; staticPort: number }): Promise<Entry[]> {
  const dir = path.join(b.tmp, "nginx");
  fs.mkdirSync(path.join(dir, "static"), { recursive: true });
  const page = await rawGet(b.app.origin + b.paths.lesson);
  if (page.status !== 200) throw new Error(`lesson page ${b.paths.lesson} answered ${page.status}`);
  fs.writeFileSync(path.join(dir, "static", "lesson.html"), page.body);
  const contentType = String(page.headers["content-type"] ?? "text/html; charset=utf-8");
  const recipe = renderRecipe(fs.readFileSync(path.join(b.root, NGINX_CONF), "utf8"), { appPort: Number(new URL(b.app.origin).port), listenPort: o.cachePort, cacheDir: path.join(dir, "cache") });
  // The same nginx serves the lesson's bytes as a file on a second port: the ceiling.
  const args = writeNginxConf(
    dir,
    recipe,
    `    server {
        listen 127.0.0.1:${o.staticPort};
        location / {
            root ${path.join(dir, "static")};
            types { }
            default_type "${contentType}";
            try_files /lesson.html =404;
        }
    }`,
  );
  testNginxConf(o.nginx, dir);

  // Pinned to the server core like the Next servers; the master stays in the foreground.
  const nginx: Server = await startServer("nginx", o.cachePort, o.nginx, args, { probe: "/api/health", logDir: b.tmp });
  const cached = { origin: nginx.origin, cpu: () => nginx.cpuMs() + b.app.cpuMs() };
  const staticOrigin = `http://127.0.0.1:${o.staticPort}`;
  try {
    // The lesson must come from the cache after its first request, or the load below measures the app.
    await rawGet(cached.origin + b.paths.lesson);
    const hit = await rawGet(cached.origin + b.paths.lesson);
    if (hit.headers["x-cache-status"] !== "HIT") throw new Error(`cache: the lesson page was not served from the cache on its second request (X-Cache-Status "${hit.headers["x-cache-status"] ?? ""}", Cache-Control "${hit.headers["cache-control"] ?? ""}")`);
    if (!hit.body.equals(page.body)) throw new Error("cache: the cached lesson differs from the app's");
    const fromFile = await rawGet(staticOrigin + b.paths.lesson);
    if (fromFile.status !== 200 || !fromFile.body.equals(page.body)) throw new Error("cache: nginx's static server did not serve the lesson file");

    const checked = await checkPersonalNeverCached(cached.origin, b.app.origin);
    console.log(`cache: ${checked} personal requests through nginx (dashboard, account, /api/me/assignments; two users and none), none from the cache`);

    const targets = [
      { key: "cache", origin: cached.origin, cpu: cached.cpu },
      { key: "static", origin: staticOrigin, cpu: () => nginx.cpuMs() },
    ] as const;
    const { rounds, seconds, warmup } = b.quick ? { rounds: 3, seconds: 3, warmup: 2 } : { rounds: 5, seconds: 8, warmup: 3 };
    const connections = 10;
    for (const t of targets) await warmUp(t.origin, b.paths.lesson, connections, warmup);
    const rps: Record<string, number[]> = { cache: [], static: [] };
    const cpu: Record<string, number[]> = { cache: [], static: [] };
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < targets.length; k++) {
        const t = targets[(r + k) % targets.length];
        const before = t.cpu();
        const res = await runLoad({ url: t.origin, path: b.paths.lesson, method: "GET", connections, durationS: seconds });
        rps[t.key].push(res.rps);
        cpu[t.key].push(((t.cpu() - before) * 1000) / Math.max(1, res.ok));
      }
      console.log(`cache: round ${r + 1}/${rounds}: nginx cache in front of the app ${rps.cache[r].toFixed(0)}, nginx static file ${rps.static[r].toFixed(0)} req/s`);
    }
    const after = await rawGet(cached.origin + b.paths.lesson);
    if (after.headers["x-cache-status"] !== "HIT") throw new Error(`cache: after the load the lesson was no longer served from the cache (${after.headers["x-cache-status"] ?? ""})`);
    return [
      entry("cache.lesson.rps.nginx_cache_vs_nginx_static", median(rps.cache), "rps", median(rps.static), "ratio >= 0.5"),
      // nginx's CPU and the app's (which should see none of these requests) per request.
      entry("cache.lesson.cpu_per_request.nginx_cache_vs_nginx_static", median(cpu.cache), "us", median(cpu.static)),
      // The check above throws on the first personal response from the cache; these say it ran.
      entry("cache.personal.requests_checked", checked, "count"),
      entry("cache.personal.served_from_cache", 0, "count", null, "value <= 0"),
    ];
  } finally {
    await nginx.stop();
  }
}
