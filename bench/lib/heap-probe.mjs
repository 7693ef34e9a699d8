// Preloaded into the benchmark's servers (NODE_OPTIONS=--expose-gc --import ...): on SIGUSR2 the
// process runs a full garbage collection and writes its memory figures to
// $BENCH_HEAP_DIR/<pid>.json, so the live suite can read what N open streams retain (heap and
// external memory after a GC), not only RSS, which moves with the collector (bench/README.md, 6).
// The same file holds how many queries the process has sent to PostgreSQL so far (`pgQueries`:
// every pg Client query, the pool's included), which the answer suite divides by the answers
// (bench/README.md, 3): round trips are what a PostgreSQL answer costs beyond its own work.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const dir = process.env.BENCH_HEAP_DIR;
let pgQueries = 0;
if (dir) {
  try {
    // The server loads pg from node_modules at run time (serverExternalPackages), through a
    // symlink that resolves to the same file as this require, so this is the prototype it uses.
    const pg = createRequire(path.join(process.cwd(), "package.json"))("pg");
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function countedQuery(...args) {
      pgQueries++;
      return query.apply(this, args);
    };
  } catch {
    // no pg here: nothing to count
  }
}
if (dir && typeof globalThis.gc === "function") {
  process.on("SIGUSR2", () => {
    globalThis.gc();
    globalThis.gc();
    const m = process.memoryUsage();
    const file = path.join(dir, `${process.pid}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, pgQueries }));
    fs.renameSync(`${file}.tmp`, file);
  });
}
