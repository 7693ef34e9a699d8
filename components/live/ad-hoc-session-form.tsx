"use client";
// "Run an ad hoc session" on /facilitate: for people without accounts (a code and a nickname). The
// facilitator picks the course and, if it has any, a workshop plan whose steps become the running
// order; then POST /api/live and on to the control page.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Field, Form, FormError, SubmitButton, useFormState } from "@/components/ui/form";
import { useSend } from "@/components/api/use-send";
import type { AdHocLabels } from "./labels";

export interface AdHocCourse {
  id: string;
  title: string;
  plans: { id: string; title: string }[];
}

export function AdHocSessionForm({ locale, courses, labels }: { locale: string; courses: AdHocCourse[]; labels: AdHocLabels }) {
  const router = useRouter();
  const form = useFormState(labels.failed);
  const send = useSend();
  const [courseId, setCourseId] = useState(courses[0]?.id ?? "");
  const plans = courses.find((c) => c.id === courseId)?.plans ?? [];
  const [trackId, setTrackId] = useState(plans[0]?.id ?? "");

  function chooseCourse(id: string) {
    setCourseId(id);
    setTrackId(courses.find((c) => c.id === id)?.plans[0]?.id ?? "");
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void form.run(
      async () => {
        const { id } = await send<{ id: string }>("POST", "/api/live", { locale, courseId, ...(trackId ? { trackId } : {}) });
        router.push(`/${locale}/facilitate/live/${id}`);
      },
      { keepBusy: true },
    );
  }

  return (
    <Form form={form} className="stack-form" onSubmit={submit}>
      <FormError title={labels.errorTitle} id="live-ctl-adhoc-error" level={3} />
      <Field id="live-ctl-adhoc-course" field="courseId" label={labels.course}>
        {(c) => (
          <select {...c} name="courseId" value={courseId} onChange={(e) => chooseCourse(e.target.value)}>
            {courses.map((course) => (
              <option key={course.id} value={course.id}>
                {course.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {plans.length > 0 && (
        <Field id="live-ctl-adhoc-plan" field="trackId" label={labels.plan} hint={labels.planHint}>
          {(c) => (
            <select {...c} name="trackId" value={trackId} onChange={(e) => setTrackId(e.target.value)}>
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.title}
                </option>
              ))}
              <option value="">{labels.noPlan}</option>
            </select>
          )}
        </Field>
      )}
      <div className="actions">
        <SubmitButton busyLabel={labels.working}>{labels.submit}</SubmitButton>
      </div>
    </Form>
  );
}
