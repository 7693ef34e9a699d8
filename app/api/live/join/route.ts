// Join a live session by its code: a signed-in group member as themselves, anyone else with a nickname
// (an httpOnly cookie then keeps their place and nickname across reloads and dropped connections).
import { json, visitorRoute } from "@/lib/http/handler";
import { liveSetCookie, liveToken } from "@/lib/live/cookie";
import { joinInput } from "@/lib/live/inputs";
import { joinLiveSession } from "@/lib/live/store";
import { requestClient } from "@/lib/ratelimit/client";

export const POST = visitorRoute(joinInput, async ({ user, input, db, request }) => {
  const joined = await joinLiveSession(db, { user, token: liveToken(request)?.token }, input, requestClient(request));
  return json({ sessionId: joined.sessionId }, 200, joined.token ? { "Set-Cookie": liveSetCookie(joined.sessionId, joined.token) } : {});
});
