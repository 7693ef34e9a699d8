import { z } from "zod";
import { createAccount, signUpInput } from "@/lib/auth/accounts";
import { deleteMyAccount } from "@/lib/progress/mutations";
import { publicRoute, userRoute } from "@/lib/http/handler";

/** Sign up (the browser then signs in through next-auth). */
export const POST = publicRoute(
  signUpInput,
  async ({ db, input }) => {
    const user = await createAccount(db, input);
    return { id: user.id };
  },
  201,
);

/** Delete my account and every row about me; the password is asked again. */
export const DELETE = userRoute(z.strictObject({ password: z.string().min(1, "Enter your password to confirm.").max(200) }), async ({ db, user, input }) => {
  await deleteMyAccount(db, user, input.password);
  return { deleted: true };
});
