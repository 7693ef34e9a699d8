// A phone's answer to the round on screen, graded on the server and stored once by its client id
// (the outbox resends it until acknowledged: components/progress/outbox.ts).
import { idParam, visitorRoute } from "@/lib/http/handler";
import { liveToken } from "@/lib/live/cookie";
import { liveAnswerInput } from "@/lib/live/inputs";
import { submitLiveAnswer } from "@/lib/live/store";

export const POST = visitorRoute(liveAnswerInput, ({ user, input, db, params, request }) => {
  const sessionId = idParam(params, "session", "liveSession");
  return submitLiveAnswer(db, { user, token: liveToken(request, sessionId)?.token }, sessionId, input);
});
