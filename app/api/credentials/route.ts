import { issueInput } from "@/lib/certificates/inputs";
import { issueCourseCertificate, issueCredential } from "@/lib/certificates/issue";
import { userRoute } from "@/lib/http/handler";
import { appOrigin } from "@/lib/http/same-origin";

/** Issue my certificate: the course's, once finished, or an attendance award given to me, with the name to print. */
export const POST = userRoute(issueInput, async ({ db, user, input, request }) => {
  const opts = { origin: appOrigin(request) };
  const issued =
    input.credentialId === undefined
      ? await issueCourseCertificate(db, user, { locale: input.locale!, courseId: input.courseId!, printedName: input.printedName }, opts)
      : await issueCredential(db, user, { credentialId: input.credentialId, printedName: input.printedName }, opts);
  return { id: issued.id };
});
