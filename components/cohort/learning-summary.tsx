// Learning: the starting and final checks of learners who took both, and how well the group tells
// manipulative posts from genuine ones, in plain words with the research term on demand
// (docs/measurement.md explains each measure). Group figures only. Half the group takes form A first and
// the other half form B first, so the change shown is the mean of the two halves' changes, each
// counted equally: a harder form cannot pass for learning (lib/quiz/gain.ts). Below the minimum
// of learners per half no figure shows, only how many there are.
import type { LearningView } from "@/lib/cohorts/reports";
import { fill } from "@/components/ui/fill";
import { dPrimeText } from "@/lib/quiz/sensitivity";
import type { LearningLabels } from "./labels";
import "./stat-term.css";

/**
 * One figure: plain words first, then what it means; the research term and how it is worked out
 * only on demand, behind "What is this?" (named after the figure for a screen reader's list).
 */
function Stat({ label, value, explain, term, whatIsThis }: { label: string; value: string; explain?: string; term?: string; whatIsThis?: string }) {
  return (
    <div className="stat card">
      <dt>{label}</dt>
      <dd className="stat-value">{value}</dd>
      {explain && <dd className="stat-explain">{explain}</dd>}
      {term && (
        <dd className="stat-term">
          <details>
            <summary>
              {whatIsThis}
              <span className="visually-hidden"> ({label})</span>
            </summary>
            <p>{term}</p>
          </details>
        </dd>
      )}
    </div>
  );
}

const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(v)}`;

export function LearningSummary({ gain, labels }: { gain: LearningView; labels: LearningLabels }) {
  const percent = (v: number | null) => (v === null ? labels.notYet : fill(labels.percent, { value: v }));
  const rate = (v: number | null) => percent(v === null ? null : Math.round(v * 100));
  const points = (v: number | null) => (v === null ? labels.notYet : fill(labels.points, { value: signed(v) }));
  const { discernment: d } = gain;
  const shown = gain.n > 0 && !gain.hidden;
  return (
    <>
      {gain.n === 0 && <p className="cohort-notice">{labels.none}</p>}
      {gain.n > 0 && (
        <>
          <table className="gain-orders">
            <caption>{labels.ordersCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.order}</th>
                <th scope="col">{labels.learners}</th>
                <th scope="col">{labels.meanPre}</th>
                <th scope="col">{labels.meanPost}</th>
              </tr>
            </thead>
            <tbody>
              {gain.orders.map((o) => (
                <tr key={o.order}>
                  <th scope="row">{o.order === "ab" ? labels.orderAB : labels.orderBA}</th>
                  <td>{o.n}</td>
                  <td>{percent(o.meanPre)}</td>
                  <td>{percent(o.meanPost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {gain.hidden && <p className="cohort-notice">{fill(gain.balanced ? labels.hiddenPerOrder : labels.hiddenAll, { min: gain.minLearners })}</p>}
          {!gain.hidden && !gain.balanced && <p className="cohort-notice">{labels.unbalanced}</p>}
        </>
      )}
      <dl className="stats">
        {shown && (
          <>
            <Stat label={labels.n} value={String(gain.n)} />
            <Stat label={labels.meanPre} value={percent(gain.meanPre)} explain={gain.balanced ? labels.meansExplain : undefined} />
            <Stat label={labels.meanPost} value={percent(gain.meanPost)} />
            <Stat
              label={gain.balanced ? labels.change : labels.changePlain}
              value={points(gain.gain)}
              explain={gain.balanced ? labels.changeExplain : labels.changePlainExplain}
            />
            {gain.balanced && (
              <Stat
                label={labels.interval}
                value={gain.interval ? fill(labels.intervalValue, { low: signed(gain.interval[0]), high: signed(gain.interval[1]) }) : labels.notYet}
                explain={gain.interval ? labels.intervalExplain : labels.intervalNone}
              />
            )}
            {gain.balanced && <Stat label={labels.formDifference} value={points(gain.formDifference)} explain={labels.formDifferenceExplain} />}
            <Stat
              label={labels.gain}
              value={gain.normalisedGain === null ? labels.notYet : fill(labels.gainValue, { percent: Math.round(gain.normalisedGain * 100) })}
              explain={labels.gainExplain}
              term={gain.normalisedGain === null ? undefined : fill(labels.gainTerm, { gain: gain.normalisedGain.toFixed(2) })}
              whatIsThis={labels.whatIsThis}
            />
          </>
        )}
        <Stat label={labels.hit} value={rate(d.hitRate)} explain={d.items ? labels.hitExplain : labels.noDiscern} term={labels.hitTerm} whatIsThis={labels.whatIsThis} />
        <Stat
          label={labels.falseAlarm}
          value={rate(d.falseAlarmRate)}
          explain={d.items ? labels.falseAlarmExplain : labels.noDiscern}
          term={labels.falseAlarmTerm}
          whatIsThis={labels.whatIsThis}
        />
        {d.items > 0 && (
          <Stat
            label={labels.sensitivity}
            value={d.sensitivity ? fill(labels.sensitivityValue, { dPrime: dPrimeText(d.sensitivity.meanDPrime), learners: d.sensitivity.learners }) : labels.notYet}
            explain={d.sensitivity ? labels.sensitivityExplain : fill(labels.sensitivityHidden, { min: d.minLearners })}
            term={labels.sensitivityTerm}
            whatIsThis={labels.whatIsThis}
          />
        )}
      </dl>
    </>
  );
}
