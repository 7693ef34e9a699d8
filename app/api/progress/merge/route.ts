import { mergeGuestProgress } from "@/lib/progress/guest-merge";
import { guestMergeInput } from "@/lib/progress/inputs";
import { userRoute } from "@/lib/http/handler";

/** Merge what this browser kept as a guest into my account, without duplicates. */
export const POST = userRoute(guestMergeInput, ({ db, user, input }) => mergeGuestProgress(db, user, input));
