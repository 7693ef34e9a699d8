// The committed nginx recipe (docs/nginx/common-ground.conf) never stores a personal response: run
// as committed (only its addresses changed) in front of a small upstream that answers with the
// headers the app sends (lesson: s-maxage; dashboard: private, no-store; API: no-store), it serves
// public pages from its cache and every personal page and API answer from the upstream, per user.
// `npm run bench -- --only=cache` checks the same against the real app, with the load.
//
// Needs an nginx binary (Debian: apt-get install -y nginx, or NGINX_PATH). It cannot be installed
// from the npm registry the way the test browser is (scripts/ensure-chromium.mjs), so on a machine
// without one this file is skipped and says so.
import crypto from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NGINX_CONF, nginxBinary, renderRecipe, testNginxConf, writeNginxConf } from "@/bench/lib/nginx";

const nginx = nginxBinary();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Headers as the app sends them (next start's, checked by the bench's cache suite). */
const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";
const PUBLIC = { "cache-control": "s-maxage=31536000", vary: NEXT_VARY };
const PERSONAL_PAGE = { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate", vary: NEXT_VARY };

interface Got {
  status: number;
  cache: string;
  body: string;
}

function get(port: number, p: string, cookie?: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: p, headers: cookie ? { cookie } : {} }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, cache: String(res.headers["x-cache-status"] ?? ""), body }));
      })
      .on("error", reject);
  });
}

describe.skipIf(Boolean(nginx.missing))("the nginx cache recipe", () => {
  let dir: string;
  let upstream: http.Server;
  let proc: ChildProcess;
  let port: number;
  const served = new Map<string, number>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-nginx-test-"));
    fs.chmodSync(dir, 0o755);
    // Every answer carries a serial number, so a body served twice came from the cache.
    upstream = http.createServer((req, res) => {
      const url = req.url ?? "/";
      const n = (served.get(url) ?? 0) + 1;
      served.set(url, n);
      const who = /(?:^|;\s*)session=([^;]+)/.exec(req.headers.cookie ?? "")?.[1] ?? "nobody";
      const personal = (headers: Record<string, string>) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
        res.end(`page of ${who}, serial ${n}`);
      };
      if (url.startsWith("/en/courses/")) return personal(PUBLIC);
      if (url === "/en/dashboard") return personal(PERSONAL_PAGE);
      if (url === "/api/me/assignments") return personal({ "cache-control": "no-store" });
      // An API answer marked cacheable by mistake: /api/ still never touches the cache.
      if (url === "/api/mistake") return personal(PUBLIC);
      // A public-looking page that sets a cookie is not stored either.
      if (url === "/en/sets-cookie") return personal({ ...PUBLIC, "set-cookie": "x=1; Path=/; HttpOnly" });
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
    const appPort = (upstream.address() as net.AddressInfo).port;
    port = await freePort();
    const recipe = renderRecipe(fs.readFileSync(path.join(process.cwd(), NGINX_CONF), "utf8"), { appPort, listenPort: port, cacheDir: path.join(dir, "cache") });
    const args = writeNginxConf(dir, recipe);
    testNginxConf(nginx.path, dir);
    proc = spawn(nginx.path, args, { stdio: "ignore" });
    for (let i = 0; i < 100; i++) {
      if (await get(port, "/en/courses/probe").then(() => true, () => false)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`nginx did not start; see ${path.join(dir, "nginx-error.log")}`);
  });

  afterAll(async () => {
    if (proc?.pid && proc.exitCode === null) {
      const exited = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGTERM");
      await exited;
    }
    await new Promise((r) => upstream?.close(r));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves a public page from its cache after the first request, to everyone", async () => {
    const page = `/en/courses/c/${crypto.randomUUID()}`;
    const first = await get(port, page, "session=alice");
    expect(first.cache).toBe("MISS");
    const again = await get(port, page, "session=bob");
    expect(again).toEqual({ ...first, cache: "HIT" });
    expect(served.get(page)).toBe(1);
  });

  it("never stores a personal page or an API answer, and shows each user their own", async () => {
    for (const page of ["/en/dashboard", "/api/me/assignments", "/api/mistake", "/en/sets-cookie"]) {
      const before = served.get(page) ?? 0;
      for (let round = 0; round < 3; round++) {
        for (const user of ["alice", "bob"]) {
          const got = await get(port, page, `session=${user}`);
          expect(got.status).toBe(200);
          expect(["MISS", "BYPASS"]).toContain(got.cache);
          expect(got.body).toMatch(new RegExp(`^page of ${user}, serial \\d+$`));
        }
        const nobody = await get(port, page);
        expect(["MISS", "BYPASS"]).toContain(nobody.cache);
        expect(nobody.body).toMatch(/^page of nobody, /);
      }
      expect(served.get(page)).toBe(before + 9);
    }
  });

  it("bypasses the cache for everything under /api/", async () => {
    expect((await get(port, "/api/mistake", "session=alice")).cache).toBe("BYPASS");
  });
});
