import { joinWithNickname, nicknameInput } from "@/lib/cohorts/mutations";
import { publicRoute } from "@/lib/http/handler";

/**
 * Join with a nickname only: creates a pseudonymous account and returns its login name and
 * passphrase, once. The browser then signs in with them through next-auth.
 */
export const POST = publicRoute(
  nicknameInput,
  async ({ db, input }) => {
    const { loginName, passphrase, cohortName } = await joinWithNickname(db, input);
    return { loginName, passphrase, cohortName };
  },
  201,
);
