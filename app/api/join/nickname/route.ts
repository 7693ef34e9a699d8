import { joinWithNickname, nicknameInput } from "@/lib/cohorts/mutations";
import { publicRoute } from "@/lib/http/handler";
import { requestClient } from "@/lib/ratelimit/client";

/**
 * Join with a nickname only: creates a pseudonymous account and returns its login name and
 * passphrase, once. The browser then signs in with them through next-auth. Limited per device,
 * per address and per group (lib/ratelimit/limits.ts).
 */
export const POST = publicRoute(
  nicknameInput,
  async ({ db, input, request }) => {
    const { loginName, passphrase, cohortId, cohortName } = await joinWithNickname(db, input, requestClient(request));
    // The group's id leads the new member to its "what now" page once signed in.
    return { loginName, passphrase, cohortId, cohortName };
  },
  201,
);
