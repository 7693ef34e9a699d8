// The facilitator's controls (from any device signed in to their account).
import { idParam, userRoute } from "@/lib/http/handler";
import { controlInput } from "@/lib/live/inputs";
import { controlLiveSession } from "@/lib/live/store";

export const POST = userRoute(controlInput, ({ user, input, db, params }) => controlLiveSession(db, user, idParam(params, "session", "liveSession"), input));
