"use client";
import { ProgressBar } from "@/components/ui/progress-bar";
import { fill } from "@/components/ui/fill";
import { useGuestProgress } from "./guest-progress";

/** "2 of 4 lessons done" for one module, from the guest's progress in this browser. */
export function ModuleProgress({ lessonKeys, template }: { lessonKeys: string[]; template: string }) {
  const progress = useGuestProgress();
  const done = progress ? lessonKeys.filter((k) => progress.lessons[k]?.doneAt).length : 0;
  return <ProgressBar value={done} max={lessonKeys.length} label={fill(template, { done, total: lessonKeys.length })} />;
}
