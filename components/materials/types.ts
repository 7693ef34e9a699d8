import type { Material } from "@/lib/content";
import type { Quiz } from "@/lib/quiz/types";

export type MaterialOf<K extends Material["kind"]> = Extract<Material, { kind: K }>;

/** A printed quiz: the lesson it belongs to and its questions as a learner sees them (one version per pair). */
export interface PrintQuiz {
  lessonId: string;
  lessonTitle: string;
  quiz: Quiz;
}

/** Words every sheet uses, looked up once by the view. */
export interface SheetWords {
  invented: string;
  cutLines: string;
  key: string;
  howToUse: string;
  copies?: string;
}
