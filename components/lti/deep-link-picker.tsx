"use client";
// A teacher picks lessons and quizzes for their learning platform's course (Deep Linking). The
// app signs the choice (POST /api/lti/deep-link/<id>); the browser then posts it to the platform
// with an ordinary form, as the specification asks (the LTI pages' form-action allows the
// registered platforms: lib/lti/frame-policy.ts).
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useSend } from "@/components/api/use-send";
import { BusyButton, Form, FormError, useFormState } from "@/components/ui/form";

export interface PickerCourse {
  id: string;
  title: string;
  lessons: { id: string; title: string; hasQuiz: boolean }[];
}
export type PickerLabels = Record<"wholeCourse" | "lesson" | "quiz" | "submit" | "working" | "failed" | "pickOne" | "sending", string>;
type Item = { course: string; lesson?: string; view: "course" | "lesson" | "quiz" };

const fill = (template: string, title: string) => template.replace("{title}", title);

export function DeepLinkPicker({ id, locale, courses, acceptMultiple, labels }: { id: string; locale: string; courses: PickerCourse[]; acceptMultiple: boolean; labels: PickerLabels }) {
  const form = useFormState(labels.failed);
  const send = useSend();
  const [picked, setPicked] = useState<string[]>([]);
  const [reply, setReply] = useState<{ returnUrl: string; jwt: string } | null>(null);
  const post = useRef<HTMLFormElement>(null);
  const type = acceptMultiple ? "checkbox" : "radio";

  // Once the signed answer is in the hidden form: post it to the platform.
  useEffect(() => {
    if (reply) post.current?.submit();
  }, [reply]);

  const options: { key: string; item: Item; label: string; course: string }[] = courses.flatMap((c) => [
    { key: `${c.id}`, item: { course: c.id, view: "course" as const }, label: labels.wholeCourse, course: c.id },
    ...c.lessons.flatMap((l) => [
      { key: `${c.id}/${l.id}`, item: { course: c.id, lesson: l.id, view: "lesson" as const }, label: fill(labels.lesson, l.title), course: c.id },
      ...(l.hasQuiz ? [{ key: `${c.id}/${l.id}/quiz`, item: { course: c.id, lesson: l.id, view: "quiz" as const }, label: fill(labels.quiz, l.title), course: c.id }] : []),
    ]),
  ]);

  function toggle(key: string, on: boolean) {
    setPicked((now) => (acceptMultiple ? (on ? [...now, key] : now.filter((k) => k !== key)) : on ? [key] : []));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (picked.length === 0) {
      form.fail(new Error(labels.pickOne));
      return;
    }
    const items = options.filter((o) => picked.includes(o.key)).map((o) => o.item);
    void form.run(
      async () => {
        const answer = await send<{ returnUrl: string; jwt: string }>("POST", `/api/lti/deep-link/${id}`, { locale, items });
        setReply(answer);
      },
      { keepBusy: true },
    );
  }

  return (
    <>
      <Form form={form} className="stack-form lti-picker" onSubmit={submit}>
        <FormError />
        {courses.map((c) => (
          <fieldset key={c.id}>
            <legend>{c.title}</legend>
            {options
              .filter((o) => o.course === c.id)
              .map((o) => (
                <label key={o.key}>
                  <input type={type} name="pick" value={o.key} checked={picked.includes(o.key)} onChange={(e) => toggle(o.key, e.currentTarget.checked)} />
                  <span>{o.label}</span>
                </label>
              ))}
          </fieldset>
        ))}
        <BusyButton type="submit" busyLabel={reply ? labels.sending : labels.working}>
          {labels.submit}
        </BusyButton>
      </Form>
      {reply && (
        <form ref={post} method="post" action={reply.returnUrl} hidden>
          <input type="hidden" name="JWT" value={reply.jwt} />
        </form>
      )}
    </>
  );
}
