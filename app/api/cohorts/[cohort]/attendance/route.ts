import { attendanceInput, awardAttendance } from "@/lib/certificates/attendance";
import { idParam, userRoute } from "@/lib/http/handler";

/** Give "attended" certificates to members of the group (its owners and co-facilitators only). */
export const POST = userRoute(attendanceInput, ({ db, user, params, input }) => awardAttendance(db, user, idParam(params, "cohort", "group"), input));
