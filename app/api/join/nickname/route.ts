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
    const { loginName, passphrase, cohortName } = await joinWithNickname(db, input, requestClient(request));
    return { loginName, passphrase, cohortName };
  },
  201,
);
