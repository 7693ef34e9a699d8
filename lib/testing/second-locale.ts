// Data-layer tests of what is recorded per locale need a second language with content. Until the
// translated content lands, this adds a copy of the English content under another code to the
// process's loaded content (lib/content/index.ts keeps it in a process singleton): the words are
// English, but every lookup by that locale finds a course, lessons and quizzes. Tests only.
import { getCourses } from "@/lib/content";
import type { LocaleContent } from "@/lib/content/load";
import { processSingleton } from "@/lib/process-singleton";

export function addContentCopy(locale: string, from = "en"): void {
  getCourses(from); // loads the content, if nothing has yet
  const store = processSingleton("content", () => ({ loaded: undefined as LocaleContent[] | undefined }));
  const loaded = store.loaded ?? [];
  if (loaded.some((c) => c.locale === locale)) return;
  const source = loaded.find((c) => c.locale === from);
  if (!source) throw new Error(`no ${from} content to copy`);
  store.loaded = [...loaded, { ...source, locale }];
}
