// The facilitator's report as a person reads it: estimates with likely ranges in words, "rough"
// beside an estimate from too few answers, the answers needed, and a change named only when its
// range excludes no change. Rendered with the real English words.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import messages from "@/content/en/messages.json";
import type { AttitudeReport as Report } from "@/lib/attitudes/queries";
import { AttitudeReport } from "./attitude-report";
import type { AttitudeReportLabels } from "./labels";

const labels = { ...messages.facilitate.attitudes, report: messages.attitudes.report } as AttitudeReportLabels;
const text = (report: Report) =>
  renderToStaticMarkup(createElement(AttitudeReport, { report, labels, locale: "en" }))
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

const frame = { minGroup: 5, mechanism: "krr-5-ln3" as const, epsilon: Math.log(3), answersNeeded: 523, usefulHalfWidth: 0.15 };
const shown = (n: number, agree: [number, number, number], mean: [number, number, number]) => ({
  hidden: false as const,
  n,
  agree: { estimate: agree[0], low: agree[1], high: agree[2] },
  mean: { estimate: mean[0], low: mean[1], high: mean[2] },
  rough: n < 523,
});

describe("the attitudes report", () => {
  it("shows estimates with ranges, the answers, and says a small group's estimate is rough", () => {
    const out = text({
      ...frame,
      items: [{ itemId: "a", statement: "I know where to report.", pre: shown(10, [0.62, 0.05, 1], [3.84, 1.4, 5]), post: { hidden: true }, change: null }],
    });
    expect(out).toContain("only from about 523 answers");
    expect(out).toContain("Agree or strongly agree 62% (likely 5% to 100%) Rough: within ±15 points needs about 523 answers.");
    expect(out).toContain("Average (1 to 5) 3.8 (likely 1.4 to 5.0)");
    expect(out).toContain("Answers 10 Hidden until 5 people have answered");
    expect(out).not.toContain("Change in agreeing");
  });

  it("does not call it rough from the answers needed on, and names a change only outside 0", () => {
    const big = shown(600, [0.3, 0.2, 0.4], [2.9, 2.6, 3.2]);
    const out = text({
      ...frame,
      items: [
        { itemId: "a", statement: "One.", pre: big, post: shown(600, [0.7, 0.6, 0.8], [3.9, 3.6, 4.2]), change: { estimate: 0.4, low: 0.26, high: 0.54, verdict: "higher" } },
        { itemId: "b", statement: "Two.", pre: big, post: big, change: { estimate: 0.05, low: -0.09, high: 0.19, verdict: "unclear" } },
      ],
    });
    expect(out).not.toContain("Rough");
    expect(out).toContain("Change in agreeing: Higher by about 40 points (likely +26 to +54)");
    expect(out).toContain("Change in agreeing: No clear change: the likely range, -9 to +19 points, includes no change.");
    expect(out).not.toMatch(/Higher by about 5 /);
  });
});
