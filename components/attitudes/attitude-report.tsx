// The facilitator's "Attitudes (anonymous)" report: per statement, the group's estimated share
// agreeing and average rating at the starting and final checks, each with its likely range (95%),
// as text (the range bars only repeat it), the number of answers, and whether the checks differ.
// The ratings were randomised on each device, so these are estimates, never counts: a count would
// read as people. Below the answers a useful estimate needs, the estimate says it is rough; a
// difference whose range includes no change is not called one. Nothing per person.
import type { AttitudeChange, AttitudeEstimate, AttitudeReport as Report } from "@/lib/attitudes/queries";
import type { Interval } from "@/lib/attitudes/randomised-response";
import { fill } from "@/components/ui/fill";
import type { AttitudeReportLabels } from "./labels";
import "./attitudes.css";

interface Format {
  labels: AttitudeReportLabels;
  points: (x: number) => string;
  signed: (x: number) => string;
  rating: (x: number) => string;
  whole: (x: number) => string;
}

/** A likely range drawn on a track from `min` to `max` (decoration: the text says the same). */
function RangeBar({ interval, min, max }: { interval: Interval; min: number; max: number }) {
  const at = (x: number) => `${((x - min) / (max - min)) * 100}%`;
  return (
    <span className="attitude-range" aria-hidden="true">
      <span className="attitude-range-span" style={{ insetInlineStart: at(interval.low), inlineSize: `calc(${at(interval.high)} - ${at(interval.low)})` }} />
      <span className="attitude-range-mark" style={{ insetInlineStart: at(interval.estimate) }} />
    </span>
  );
}

function ShareCell({ e, f, report }: { e: AttitudeEstimate; f: Format; report: Report }) {
  if (e.hidden) return <td className="attitude-cell is-hidden">{f.labels.hiddenShort}</td>;
  const { agree } = e;
  return (
    <td className="attitude-cell">
      <span className="attitude-value">{fill(f.labels.report.percentRange, { estimate: f.points(agree.estimate), low: f.points(agree.low), high: f.points(agree.high) })}</span>
      <RangeBar interval={agree} min={0} max={1} />
      {e.rough && <span className="attitude-rough">{fill(f.labels.report.rough, { points: f.points(report.usefulHalfWidth), needed: f.whole(report.answersNeeded) })}</span>}
    </td>
  );
}

function MeanCell({ e, f }: { e: AttitudeEstimate; f: Format }) {
  if (e.hidden) return <td className="attitude-cell is-hidden">{f.labels.hiddenShort}</td>;
  const { mean } = e;
  return (
    <td className="attitude-cell">
      <span className="attitude-value">{fill(f.labels.report.meanRange, { estimate: f.rating(mean.estimate), low: f.rating(mean.low), high: f.rating(mean.high) })}</span>
      <RangeBar interval={mean} min={1} max={5} />
    </td>
  );
}

function ChangeText({ change, f }: { change: AttitudeChange; f: Format }) {
  const range = { low: f.signed(change.low), high: f.signed(change.high) };
  const text =
    change.verdict === "unclear"
      ? fill(f.labels.report.changeUnclear, range)
      : fill(change.verdict === "higher" ? f.labels.report.changeHigher : f.labels.report.changeLower, { ...range, estimate: f.points(Math.abs(change.estimate)) });
  return (
    <p className={`attitude-change is-${change.verdict}`}>
      <strong>{f.labels.report.change}:</strong> {text}
    </p>
  );
}

export function AttitudeReport({ report, labels, locale }: { report: Report; labels: AttitudeReportLabels; locale: string }) {
  if (report.items.length === 0) return <p className="cohort-empty">{labels.none}</p>;
  const hidden = fill(labels.hidden, { min: report.minGroup });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" });
  const rating = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const f: Format = {
    labels,
    points: (x) => whole.format(Math.round(x * 100)),
    signed: (x) => signed.format(Math.round(x * 100)),
    rating: (x) => rating.format(x),
    whole: (x) => whole.format(x),
  };
  return (
    <>
      <p className="section-lead">{labels.report.privacy}</p>
      <p className="section-lead">{fill(labels.report.needed, { points: f.points(report.usefulHalfWidth), needed: f.whole(report.answersNeeded) })}</p>
      <p className="section-lead">{fill(labels.report.threshold, { min: report.minGroup })}</p>
      <ul className="attitude-list">
        {report.items.map((item) => {
          const { pre, post, change } = item;
          return (
            <li key={item.itemId} className="attitude-item card">
              <h3 className="attitude-statement" id={`attitude-${item.itemId}`}>
                {item.statement}
              </h3>
              {pre.hidden && post.hidden ? (
                <p className="attitude-hidden">{hidden}</p>
              ) : (
                <>
                  <table className="attitude-table" aria-labelledby={`attitude-${item.itemId}`}>
                    <thead>
                      <tr>
                        <th scope="col">{labels.report.estimate}</th>
                        <th scope="col">{labels.pre}</th>
                        <th scope="col">{labels.post}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        <th scope="row">{labels.report.agree}</th>
                        <ShareCell e={pre} f={f} report={report} />
                        <ShareCell e={post} f={f} report={report} />
                      </tr>
                      <tr>
                        <th scope="row">{labels.report.mean}</th>
                        <MeanCell e={pre} f={f} />
                        <MeanCell e={post} f={f} />
                      </tr>
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row">{labels.report.answers}</th>
                        <td>{pre.hidden ? hidden : f.whole(pre.n)}</td>
                        <td>{post.hidden ? hidden : f.whole(post.n)}</td>
                      </tr>
                    </tfoot>
                  </table>
                  {change && <ChangeText change={change} f={f} />}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
