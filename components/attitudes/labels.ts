// The words the "Your views" screens show, passed from the server as plain strings (next-intl's
// "attitudes" and "facilitate.attitudes" namespaces). A plain module: server pages and client
// islands both import it.

export const ATTITUDE_FORM_LABEL_KEYS = [
  "title", "anonymous", "lead", "scale1", "scale2", "scale3", "scale4", "scale5", "submit", "skip", "working",
  "thanks", "skipped", "already", "noneChosen", "failed", "outdated",
] as const;

export type AttitudeFormLabels = Record<(typeof ATTITUDE_FORM_LABEL_KEYS)[number], string>;

/** The report's words: its frame from "facilitate.attitudes", the estimates' from "attitudes.report". */
export type AttitudeReportLabels = Record<"title" | "lead" | "pre" | "post" | "hidden" | "hiddenShort" | "none" | "failed" | "loading", string> & {
  report: Record<
    | "privacy" | "threshold" | "needed" | "estimate" | "agree" | "mean" | "answers" | "percentRange" | "meanRange" | "rough"
    | "change" | "changeHigher" | "changeLower" | "changeUnclear",
    string
  >;
};
