// Preloaded into the benchmark's servers (NODE_OPTIONS=--expose-gc --import ...): on SIGUSR2 the
// process runs a full garbage collection and writes its memory figures to
// $BENCH_HEAP_DIR/<pid>.json, so the live suite can read what N open streams retain (heap and
// external memory after a GC), not only RSS, which moves with the collector (bench/README.md, 6).
import fs from "node:fs";
import path from "node:path";

const dir = process.env.BENCH_HEAP_DIR;
if (dir && typeof globalThis.gc === "function") {
  process.on("SIGUSR2", () => {
    globalThis.gc();
    globalThis.gc();
    const m = process.memoryUsage();
    const file = path.join(dir, `${process.pid}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers }));
    fs.renameSync(`${file}.tmp`, file);
  });
}
