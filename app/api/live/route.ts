// Start a live session: from a group (its members join by code) or ad hoc, optionally from a workshop plan.
import { userRoute } from "@/lib/http/handler";
import { createInput } from "@/lib/live/inputs";
import { createLiveSession } from "@/lib/live/store";

export const POST = userRoute(createInput, ({ user, input, db }) => createLiveSession(db, user, input));
