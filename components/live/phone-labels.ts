// The words of the live phone screens (messages namespace "livePhone"), passed from the server
// page as plain strings ({name} fills), with the quiz's own words for the inputs and verdicts.
import type { QuizLabels } from "@/components/quiz/labels";

export const PHONE_LABEL_KEYS = [
  "pageTitle", "youAre", "connection", "connecting", "live", "reconnecting", "lobbyTitle", "lobbyBody",
  "questionTitle", "scenarioTitle", "scenarioHint", "scenarioEnding", "scenarioPath", "discernTitle",
  "discernHint", "checkTitle", "checkBody", "checkOpen", "checkDone", "discussionTitle", "discussionBody",
  "missingTitle", "missingBody", "submit", "vote", "sent", "waiting", "refused", "closed", "waitReveal",
  "yourAnswer", "noAnswer", "resultTitle", "endedThanks", "endedLead", "toCourse",
] as const;

export type PhoneStrings = Record<(typeof PHONE_LABEL_KEYS)[number], string>;

export interface PhoneLabels {
  phone: PhoneStrings;
  quiz: QuizLabels;
}
