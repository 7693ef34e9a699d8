// How consistent each quiz or check is (KR-20, or alpha where partial credit is given), with
// plain words for what the figure means; "too few answers" below the stated number of attempts.
import type { FormRow } from "@/lib/cohorts/reports";
import { fill } from "@/components/ui/fill";
import type { ItemLabels } from "./labels";

const BAND = { high: "relHigh", acceptable: "relAcceptable", rough: "relRough", poor: "relPoor" } as const;

export function FormReliability({ forms, minAttempts, activity, labels }: { forms: FormRow[]; minAttempts: number; activity: (row: FormRow) => string; labels: ItemLabels }) {
  if (forms.length === 0) return null;
  return (
    <>
      <h3>{labels.formsTitle}</h3>
      <p className="section-lead">{labels.formsLead}</p>
      <div className="table-region" role="region" aria-label={labels.formsTitle} tabIndex={0}>
        <table className="item-table">
          <thead>
            <tr>
              <th scope="col">{labels.formActivity}</th>
              <th scope="col" className="num">
                {labels.formAttempts}
              </th>
              <th scope="col">{labels.formReliability}</th>
            </tr>
          </thead>
          <tbody>
            {forms.map((f) => (
              <tr key={`${f.activityId}/${f.form ?? ""}`}>
                <th scope="row">{activity(f)}</th>
                <td className="num">{f.attempts}</td>
                <td>
                  {f.reliability === null || f.band === null ? (
                    <span className="meta">{fill(labels.tooFewAttempts, { min: minAttempts })}</span>
                  ) : (
                    <>
                      <strong>{f.reliability.toFixed(2)}</strong> {labels[BAND[f.band]]}
                      {f.method === "alpha" && <span className="meta"> {labels.relAlpha}</span>}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
