// One screen's current view: ?view=facilitator|projector (the session's controllers) or participant (its phones).
import { idParam, visitorRoute } from "@/lib/http/handler";
import { liveToken } from "@/lib/live/cookie";
import { viewInput } from "@/lib/live/inputs";
import { readLiveView } from "@/lib/live/read";

export const GET = visitorRoute(viewInput, ({ user, input, db, params, request }) => {
  const sessionId = idParam(params, "session", "liveSession");
  return readLiveView(db, { user, token: liveToken(request, sessionId)?.token }, sessionId, input.view);
});
