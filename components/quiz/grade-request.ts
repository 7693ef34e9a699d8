// How the server-graded runner sends one answer (docs/grading.md). Signed in: to the answers
// route, which grades and stores it. A guest, or a session that has ended (401): to the guest
// route, which grades and stores nothing. Offline or refused while signed in: null, and the
// learner presses again; never quietly graded as a guest, because that answer would not count.
// Refused as a conflict (409) while signed in: "refused", so the runner can say why (a starting or
// final check already taken counts once, lib/progress/answers.ts) instead of blaming the network.
import type { RevealedAnswer } from "@/lib/quiz/public";
import type { FormId } from "@/lib/quiz/experiments";

export interface AnswerBody {
  id: string;
  attemptId: string;
  locale: string;
  courseId: string;
  lessonId: string;
  questionId: string;
  chosen: string[];
  /** A check's form, for a guest's grade request only: a signed-in learner's form is their recorded arm. */
  form?: FormId;
}

type Fetch = (url: string, init: { method: "POST"; headers: Record<string, string>; body: string }) => Promise<Pick<Response, "ok" | "status" | "json">>;

export async function sendForGrading(body: AnswerBody, signedIn: boolean, fetcher: Fetch = fetch): Promise<RevealedAnswer | "refused" | null> {
  const post = (url: string, payload: unknown) =>
    fetcher(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) }).catch(() => null);
  const read = async (res: Awaited<ReturnType<Fetch>> | null) => (res?.ok ? ((await res.json()) as RevealedAnswer) : null);
  const { form, ...stored } = body;
  if (signedIn) {
    // The server grades a check on the learner's recorded form, never on the browser's word.
    const res = await post("/api/progress/answers", stored);
    if (res?.status === 409) return "refused";
    if (res?.status !== 401) return read(res);
  }
  // The guest route takes no ids: it keeps nothing to be idempotent about.
  const { locale, courseId, lessonId, questionId, chosen } = body;
  return read(await post("/api/quiz/grade", { locale, courseId, lessonId, questionId, chosen, ...(form ? { form } : {}) }));
}
