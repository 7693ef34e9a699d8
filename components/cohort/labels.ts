// The words each cohort island shows, passed in from the server as plain strings (next-intl's
// "facilitate" namespace). A plain module, so server pages and client islands can both import it.

export type GridLabels = Record<
  | "title" | "caption" | "learner" | "done" | "module" | "lessonNumber" | "completed" | "notStarted" | "cellDone" | "cellBest"
  | "cellBestOnly" | "legendTitle" | "legendDone" | "legendScore" | "legendNone" | "legendLow" | "legendMid" | "legendHigh"
  | "lessonKey" | "empty" | "scrollLabel" | "ofLearners" | "lessonShort" | "cellLow" | "cellLowOnly" | "lowCount",
  string
>;

export type ItemLabels = Record<
  | "title" | "lead" | "caption" | "question" | "answers" | "correct" | "wrong" | "wrongCount" | "noWrong" | "none" | "showAll"
  | "showFewer" | "pre" | "post" | "booster" | "lessonRef" | "scrollLabel" | "cardCorrect" | "cardAnswers" | "cardAnswersOne" | "wrongCountOne"
  | "filterLabel" | "filterAll" | "filterLesson" | "noneInFilter" | "older" | "olderOne" | "tooFew" | "tooFewAttempts" | "leftOut" | "leftOutCount" | "leftOutCountOne"
  | "diffMostRight" | "diffMoreThanHalf" | "diffFewerThanHalf" | "diffMostMissed" | "discrimination" | "discNegative" | "discWeak"
  | "discGood" | "flag" | "formsTitle" | "formsLead" | "formActivity" | "formAttempts" | "formReliability" | "relHigh"
  | "relAcceptable" | "relRough" | "relPoor" | "relAlpha" | "checkFormA" | "checkFormB"
  | "byLanguage" | "languagesLead" | "languageFigure" | "languageTooFew" | "languageHarder" | "languageEasier" | "languageFlagsTitle" | "languageFlag" | "languageFlagShort",
  string
>;

export type LearningLabels = Record<
  | "title" | "n" | "meanPre" | "meanPost" | "gain" | "gainExplain" | "gainValue" | "hit" | "hitExplain" | "falseAlarm"
  | "falseAlarmExplain" | "sensitivity" | "sensitivityValue" | "sensitivityExplain" | "sensitivityHidden" | "none" | "noDiscern" | "percent" | "notYet"
  | "ordersCaption" | "order" | "learners" | "orderAB" | "orderBA" | "hiddenPerOrder" | "hiddenAll" | "unbalanced" | "meansExplain"
  | "points" | "change" | "changeExplain" | "changePlain" | "changePlainExplain" | "interval" | "intervalValue" | "intervalExplain"
  | "intervalNone" | "formDifference" | "formDifferenceExplain" | "whatIsThis" | "gainTerm" | "hitTerm" | "falseAlarmTerm" | "sensitivityTerm",
  string
>;

export type LearnerLabels = FormLabels & Record<
  | "title" | "lead" | "caption" | "nicknameOnly" | "ownAccount" | "reset" | "forName" | "confirmReset"
  | "confirm" | "cancel" | "lift" | "lifted" | "newTitle" | "newLead" | "loginName" | "passphrase" | "copied" | "empty",
  string
>;

export type LiveLabels = Record<"status" | "updated" | "pause" | "resume" | "paused" | "refreshFailed" | "loading" | "languageLabel" | "languageAll" | "languageShown" | "languageLoading", string>;

/** The room view: the group's reports with no names, to project. */
export type RoomLabels = Record<
  | "metaTitle" | "title" | "lead" | "open" | "openHint" | "leave" | "progressTitle" | "progressLead" | "caption" | "lesson" | "done" | "bandHigh" | "bandMid"
  | "bandLow" | "hidden" | "noScores" | "ofLearners" | "empty",
  string
>;

export type FormLabels = Record<"working" | "errorTitle" | "failed", string>;

export type AssignmentLabels = FormLabels &
  Record<
    | "title" | "lead" | "activity" | "choose" | "checks" | "pre" | "post" | "module" | "due" | "dueHint" | "submit" | "listTitle"
    | "empty" | "remove" | "dueOn" | "saved" | "removed" | "chooseActivity" | "chooseDate" | "dueChoice" | "byDate" | "noDue" | "noDueHint"
    | "pastDue" | "noDueListed",
    string
  >;

export type ManageLabels = FormLabels &
  Record<
    | "archiveTitle" | "archiveLead" | "archive" | "reopen" | "archivedNow" | "reopenedNow" | "deleteTitle" | "deleteLead"
    | "deleteName" | "deleteHint" | "deleteMismatch" | "delete",
    string
  >;

export type NewGroupLabels = FormLabels &
  Record<
    | "title" | "name" | "nameHint" | "kind" | "workshop" | "workshopHint" | "class" | "classHint" | "track" | "trackHint"
    | "coFacilitators" | "coHint" | "submit",
    string
  >;

/** The owner's block on the group's page: invite by email, see and cancel pending invitations. */
export type CoFacilitatorLabels = FormLabels &
  Record<"title" | "lead" | "noEmail" | "email" | "emailHint" | "submit" | "invited" | "pendingTitle" | "none" | "expires" | "cancel" | "cancelFor" | "cancelled", string>;

/** Invitations to the signed-in account, on "My groups". */
export type InvitationLabels = FormLabels &
  Record<"title" | "lead" | "learnerNote" | "invitedBy" | "expires" | "accept" | "decline" | "accepted" | "declined", string>;

/** A lesson column of the grid, as the roster report gives it. */
export interface LessonColumn {
  id: string;
  title: string;
  module: number;
  /** How many learners finished it (the grid's columns have it; a list to choose from does not). */
  completed?: number;
  /** Its number in the course ("5.3"), when the report gives it. */
  number?: string;
}

export type HallLabels = FormLabels &
  Record<
    | "exportTitle" | "exportLead" | "export" | "importTitle" | "importLead" | "fileLabel" | "fileHint" | "check" | "chooseFile"
    | "notJson" | "tooBig" | "previewTitle" | "previewFrom" | "what" | "added" | "known" | "learners" | "attempts" | "responses"
    | "completions" | "nothingNew" | "confirm" | "imported",
    string
  >;
