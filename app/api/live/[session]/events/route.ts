// One screen's views as Server-Sent Events, numbered by the session's seq (docs/live.md). Access is
// checked once, when the stream opens; the stream ends when the request is aborted, or after the
// view of an ended session (nothing more will come). The frames come serialised, shared by the room.
import { idParam, visitorRoute } from "@/lib/http/handler";
import { liveToken } from "@/lib/live/cookie";
import { hubFor } from "@/lib/live/hub";
import { eventsInput } from "@/lib/live/inputs";
import { lastEventIdOf, SSE_HEADERS, viewStream } from "@/lib/live/sse";
import { openLiveFrames } from "@/lib/live/read";

export const GET = visitorRoute(eventsInput, async ({ user, input, db, params, request }) => {
  const sessionId = idParam(params, "session", "liveSession");
  const read = await openLiveFrames(db, { user, token: liveToken(request, sessionId)?.token }, sessionId, input.view);
  const stream = viewStream({ hub: hubFor(db), sessionId, signal: request.signal, read, tallies: input.view !== "participant", lastEventId: lastEventIdOf(request), isLast: (frame) => frame.phase === "ended", serialised: (frame) => frame.json });
  return new Response(stream, { headers: SSE_HEADERS });
});
