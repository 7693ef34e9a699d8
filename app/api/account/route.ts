import { z } from "zod";
import { signUpInput } from "@/lib/auth/accounts";
import { deleteMyAccount } from "@/lib/account/delete";
import { errorKey } from "@/lib/errors";
import { publicRoute, userRoute } from "@/lib/http/handler";
import { requestClient, requestDeviceId } from "@/lib/ratelimit/client";
import { signUp } from "@/lib/ratelimit/sign-up";

/** Sign up (the browser then signs in through next-auth); limited per device and per address. */
export const POST = publicRoute(
  signUpInput,
  async ({ db, input, request }) => {
    const user = await signUp(db, input, requestClient(request));
    return { id: user.id };
  },
  201,
);

/**
 * Delete my account and every row about me; the password is asked again, under the sign-in
 * throttle of this account and browser (the device cookie, as at sign-in).
 */
export const DELETE = userRoute(z.strictObject({ password: z.string().min(1, errorKey("auth.enterPasswordToConfirm")).max(200) }), async ({ db, user, input, request }) => {
  await deleteMyAccount(db, user, input.password, requestDeviceId(request));
  return { deleted: true };
});
