import { userRoute } from "@/lib/http/handler";
import { platformInput, savePlatform } from "@/lib/lti/platforms";

/** An admin registers an LMS as an LTI 1.3 platform. */
export const POST = userRoute(platformInput, ({ db, user, input }) => savePlatform(db, user, input));
