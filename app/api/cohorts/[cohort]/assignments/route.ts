import { z } from "zod";
import { assignableActivityId, assignmentInput, removeAssignment, setAssignment } from "@/lib/cohorts/mutations";
import { cohortAssignments } from "@/lib/cohorts/queries";
import { idParam, userRoute } from "@/lib/http/handler";

/** The cohort's assignments. */
export const GET = userRoute(z.object({}), ({ db, user, params }) => cohortAssignments(db, user, idParam(params, "cohort", "group")));

/** Set (or move) an assignment: a lesson or quiz due by a date. */
export const POST = userRoute(assignmentInput, ({ db, user, input, params }) => setAssignment(db, user, idParam(params, "cohort", "group"), input));

export const DELETE = userRoute(z.strictObject({ activityId: assignableActivityId }), async ({ db, user, input, params }) => {
  await removeAssignment(db, user, idParam(params, "cohort", "group"), input.activityId);
  return { ok: true };
});
