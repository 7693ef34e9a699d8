import { z } from "zod";
import { idParam, userRoute } from "@/lib/http/handler";
import { deletePlatform, platformInput, savePlatform } from "@/lib/lti/platforms";

/** An admin changes a registered platform's settings. */
export const POST = userRoute(platformInput, ({ db, user, input, params }) => savePlatform(db, user, input, idParam(params, "platform", "platform")));

/** An admin removes a platform: its launches stop; the accounts and groups it made stay. */
export const DELETE = userRoute(z.strictObject({}), ({ db, user, params }) => deletePlatform(db, user, idParam(params, "platform", "platform")));
