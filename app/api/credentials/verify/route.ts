import { verifyInput } from "@/lib/certificates/inputs";
import { verifyText } from "@/lib/certificates/public";
import { publicRoute } from "@/lib/http/handler";

/** Check a pasted or uploaded credential (nothing is stored): its signature and its status. */
export const POST = publicRoute(verifyInput, ({ db, input }) => verifyText(db, input.text));
