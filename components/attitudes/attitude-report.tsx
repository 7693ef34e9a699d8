// The facilitator's "Attitudes (anonymous)" report: per statement, how the group rated it after
// the starting and the final check, as counts and percentages in text (the bars only repeat
// them), or "hidden" until five people have answered. Group totals only: nothing per person.
import type { AttitudeReport as Report, AttitudeTotals } from "@/lib/attitudes/queries";
import { fill } from "@/components/ui/fill";
import type { AttitudeReportLabels } from "./labels";
import "./attitudes.css";

const SCALE = [1, 2, 3, 4, 5] as const;

function Cell({ totals, value, labels }: { totals: AttitudeTotals; value: number; labels: AttitudeReportLabels }) {
  if (totals.hidden) return <td className="attitude-cell is-hidden">–</td>;
  const count = totals.counts[value - 1];
  const percent = Math.round((count / totals.n) * 100);
  return (
    <td className="attitude-cell">
      <span className="attitude-count">{fill(labels.count, { count, percent })}</span>
      <span className="attitude-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </span>
    </td>
  );
}

export function AttitudeReport({ report, labels }: { report: Report; labels: AttitudeReportLabels }) {
  if (report.items.length === 0) return <p className="cohort-empty">{labels.none}</p>;
  const hidden = fill(labels.hidden, { min: report.minGroup });
  return (
    <>
      <p className="section-lead">{fill(labels.threshold, { min: report.minGroup })}</p>
      <ul className="attitude-list">
        {report.items.map((item) => {
          const { pre, post } = item;
          return (
            <li key={item.itemId} className="attitude-item card">
              <h3 className="attitude-statement" id={`attitude-${item.itemId}`}>
                {item.statement}
              </h3>
              {pre.hidden && post.hidden ? (
                <p className="attitude-hidden">{hidden}</p>
              ) : (
                <table className="attitude-table" aria-labelledby={`attitude-${item.itemId}`}>
                  <thead>
                    <tr>
                      <th scope="col">{labels.answer}</th>
                      <th scope="col">{labels.pre}</th>
                      <th scope="col">{labels.post}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {SCALE.map((v) => (
                      <tr key={v}>
                        <th scope="row">
                          <span className="likert-number">{v}</span> {labels.scale[v - 1]}
                        </th>
                        <Cell totals={pre} value={v} labels={labels} />
                        <Cell totals={post} value={v} labels={labels} />
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{labels.people}</th>
                      <td>{pre.hidden ? hidden : pre.n}</td>
                      <td>{post.hidden ? hidden : post.n}</td>
                    </tr>
                    <tr>
                      <th scope="row">{labels.mean}</th>
                      <td>{pre.hidden ? labels.hiddenShort : pre.mean.toFixed(1)}</td>
                      <td>{post.hidden ? labels.hiddenShort : post.mean.toFixed(1)}</td>
                    </tr>
                  </tfoot>
                </table>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
