// nginx for the cache suite (bench/suites/cache.ts) and its test (tests/nginx-cache.test.ts): where
// the binary is, and the committed recipe (docs/nginx/common-ground.conf) made runnable in a
// temporary directory by an unprivileged process, with nothing changed but addresses and paths.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The recipe as committed; the bench and the test run this very file. */
export const NGINX_CONF = path.join("docs", "nginx", "common-ground.conf");

/** nginx: NGINX_PATH, else Debian's or the one on PATH; `missing` says what to do without one. */
export function nginxBinary(): { path: string; missing?: string } {
  if (process.env.NGINX_PATH) {
    return fs.existsSync(process.env.NGINX_PATH) ? { path: process.env.NGINX_PATH } : { path: process.env.NGINX_PATH, missing: `cache suite skipped: no nginx at NGINX_PATH=${process.env.NGINX_PATH}` };
  }
  const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout?.trim() ?? "";
  const found = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx", which].find((p) => p && fs.existsSync(p));
  return found ? { path: found } : { path: "/usr/sbin/nginx", missing: "cache suite skipped: no nginx (apt-get install -y nginx, or set NGINX_PATH)" };
}

/**
 * The committed configuration with the given addresses: the app's port in the upstream, `listen`
 * on loopback, the cache directory. Each replaced line must be found, so nothing ever runs a
 * configuration other than the recipe.
 */
export function renderRecipe(conf: string, o: { appPort: number; listenPort: number; cacheDir: string }): string {
  const swaps: [RegExp, string][] = [
    [/server 127\.0\.0\.1:3000;/, `server 127.0.0.1:${o.appPort};`],
    [/listen 80;/, `listen 127.0.0.1:${o.listenPort};`],
    [/proxy_cache_path \/var\/cache\/nginx\/common-ground /, `proxy_cache_path ${o.cacheDir} `],
  ];
  let out = conf;
  for (const [from, to] of swaps) {
    if (!from.test(out)) throw new Error(`${NGINX_CONF} no longer has ${from.source}: update bench/lib/nginx.ts`);
    out = out.replace(from, to);
  }
  return out;
}

/**
 * A whole nginx.conf in `dir` that includes the rendered recipe (written there as
 * common-ground.conf), plus `extra` server blocks. One worker, no access log, temporary files
 * in `dir`. Returns the arguments to start nginx in the foreground with it.
 */
export function writeNginxConf(dir: string, recipe: string, extra = ""): string[] {
  for (const d of ["cache", "client_body", "proxy_temp", "fastcgi_temp", "uwsgi_temp", "scgi_temp"]) fs.mkdirSync(path.join(dir, d), { recursive: true });
  const t = (name: string) => path.join(dir, name);
  fs.writeFileSync(t("common-ground.conf"), recipe);
  fs.writeFileSync(
    t("nginx.conf"),
    `# Written for one run of the bench or the test; see bench/lib/nginx.ts.
${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 1;
pid ${t("nginx.pid")};
error_log ${t("nginx-error.log")} warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    # autocannon keeps its connections open for a whole run (nginx closes after 1000 requests).
    keepalive_requests 1000000;
    client_body_temp_path ${t("client_body")};
    proxy_temp_path ${t("proxy_temp")};
    fastcgi_temp_path ${t("fastcgi_temp")};
    uwsgi_temp_path ${t("uwsgi_temp")};
    scgi_temp_path ${t("scgi_temp")};
    include ${t("common-ground.conf")};
${extra}
}
`,
  );
  return ["-p", dir, "-c", t("nginx.conf"), "-e", t("nginx-error.log"), "-g", "daemon off;"];
}

/** `nginx -t` on the written configuration; throws with nginx's words when it is refused. */
export function testNginxConf(nginx: string, dir: string) {
  const r = spawnSync(nginx, ["-t", "-q", "-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "nginx-error.log")], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`nginx -t refused the configuration:\n${r.stderr}`);
}
