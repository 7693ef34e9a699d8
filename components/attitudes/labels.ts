// The words the "Your views" screens show, passed from the server as plain strings (next-intl's
// "attitudes" and "facilitate.attitudes" namespaces). A plain module: server pages and client
// islands both import it.

export const ATTITUDE_FORM_LABEL_KEYS = [
  "title", "anonymous", "lead", "scale1", "scale2", "scale3", "scale4", "scale5", "submit", "skip", "working",
  "thanks", "skipped", "already", "noneChosen", "failed",
] as const;

export type AttitudeFormLabels = Record<(typeof ATTITUDE_FORM_LABEL_KEYS)[number], string>;

export type AttitudeReportLabels = Record<
  | "title" | "lead" | "threshold" | "answer" | "pre" | "post" | "people" | "mean" | "count" | "hidden" | "hiddenShort" | "none" | "failed",
  string
> & { scale: [string, string, string, string, string] };
