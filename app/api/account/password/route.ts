import { changePassword, passwordChangeInput } from "@/lib/auth/password-change";
import { userRoute } from "@/lib/http/handler";
import { requestDeviceId } from "@/lib/ratelimit/client";

/**
 * Change my password: the current one is checked under the sign-in throttle of this account and
 * browser (the device cookie, as at sign-in); on success every session of the account ends.
 */
export const POST = userRoute(passwordChangeInput, async ({ db, user, input, request }) => changePassword(db, user, input, requestDeviceId(request)));
