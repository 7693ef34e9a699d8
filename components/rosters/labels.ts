// The roster import's words (messages.json "rosters"), passed from the page as plain strings ({name} fills).
export type RosterIssueKey =
  | "csvQuote" | "csvUnclosed" | "csvFieldTooLong" | "csvWidth" | "csvTooManyRows" | "csvEmpty" | "missingColumn" | "missingValue"
  | "badStatus" | "duplicateId" | "unknownClass" | "unknownUser" | "badName" | "tooManyNew" | "otherRole" | "teacherNoEmail";

export type RosterLabels = Record<
  | "files" | "filesHint" | "track" | "trackHint" | "preview" | "missingFile" | "unreadable" | "previewTitle" | "unchanged" | "class" | "action"
  | "create" | "update" | "unchangedGroup" | "archive" | "added" | "removed" | "invited" | "newLearners" | "renamed" | "problemsTitle"
  | "problemsLead" | "warningsTitle" | "where" | "whereFile" | "apply" | "done" | "sheetTitle" | "sheetLead" | "print" | "nickname"
  | "signInName" | "passphrase" | "group" | "noNew" | "openGroup" | "working" | "errorTitle" | "failed",
  string
> & { issue: Record<RosterIssueKey, string> };
