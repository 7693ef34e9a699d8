import { userRoute } from "@/lib/http/handler";
import { lrsSettingsInput } from "@/lib/xapi/inputs";
import { saveLrsSettings } from "@/lib/xapi/settings";

/** An admin sets up the LRS learning records go to (docs/xapi.md); the credentials are never sent back. */
export const POST = userRoute(lrsSettingsInput, async ({ db, user, input, request }) => saveLrsSettings(db, user, input, new URL(request.url).origin));
