// One shape for every figure bench/run.ts reports, its target and whether it is met.
import fs from "node:fs";
import path from "node:path";

/**
 * `target` is "<field> <op> <number>", field `ratio` or `value`: "ratio >= 0.9", "value < 50".
 * `pass` is null when there is no target (or no figure to compare).
 */
export interface Entry {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string | null;
  pass: boolean | null;
}

const round = (x: number, digits: number) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

export function meets(target: string, value: number, ratio: number | null): boolean | null {
  const m = /^(ratio|value) (<=|<|>=|>) (-?[0-9.]+)$/.exec(target);
  if (!m) throw new Error(`bad target "${target}"`);
  const x = m[1] === "ratio" ? ratio : value;
  if (x === null || !Number.isFinite(x)) return null;
  const limit = Number(m[3]);
  return m[2] === "<=" ? x <= limit : m[2] === "<" ? x < limit : m[2] === ">=" ? x >= limit : x > limit;
}

export function entry(name: string, value: number, unit: string, baseline: number | null = null, target: string | null = null): Entry {
  const ratio = baseline !== null && baseline !== 0 && Number.isFinite(baseline) ? value / baseline : null;
  return {
    name,
    value: round(value, unit === "ms" ? 3 : 2),
    unit,
    baseline: baseline === null ? null : round(baseline, unit === "ms" ? 3 : 2),
    ratio: ratio === null ? null : round(ratio, 3),
    target,
    pass: target ? meets(target, value, ratio) : null,
  };
}

export const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const fmt = (x: number | null, unit = "") => {
  if (x === null) return "";
  if (!Number.isFinite(x)) return String(x);
  const digits = unit === "bytes" || unit === "rps" || Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  return x.toFixed(digits);
};

export function printTable(entries: Entry[]) {
  const rows = [["name", "value", "unit", "baseline", "ratio", "target", "pass"]];
  for (const e of entries) {
    rows.push([e.name, fmt(e.value, e.unit), e.unit, fmt(e.baseline, e.unit), e.ratio === null ? "" : e.ratio.toFixed(2), e.target ?? "", e.pass === null ? "" : e.pass ? "yes" : "NO"]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const left = new Set([0, 2, 5]);
  const line = (r: string[]) => r.map((c, i) => (left.has(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(rows[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows.slice(1)) console.log(line(r));
}

export function writeResults(file: string, entries: Entry[]) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`);
}
