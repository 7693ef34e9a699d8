// Learning: the starting and final checks of learners who took both, the normalised gain, and
// how well the group tells manipulative posts from genuine ones. Group figures only.
import type { LearningView } from "@/lib/cohorts/reports";
import { fill } from "@/components/ui/fill";
import { dPrimeText } from "@/lib/quiz/sensitivity";
import type { LearningLabels } from "./labels";

function Stat({ label, value, explain }: { label: string; value: string; explain?: string }) {
  return (
    <div className="stat card">
      <dt>{label}</dt>
      <dd className="stat-value">{value}</dd>
      {explain && <dd className="stat-explain">{explain}</dd>}
    </div>
  );
}

export function LearningSummary({ gain, labels }: { gain: LearningView; labels: LearningLabels }) {
  const percent = (v: number | null) => (v === null ? labels.notYet : fill(labels.percent, { value: v }));
  const rate = (v: number | null) => percent(v === null ? null : Math.round(v * 100));
  const { discernment: d } = gain;
  return (
    <>
      {gain.n === 0 && <p className="cohort-notice">{labels.none}</p>}
      <dl className="stats">
        {gain.n > 0 && (
          <>
            <Stat label={labels.n} value={String(gain.n)} />
            <Stat label={labels.meanPre} value={percent(gain.meanPre)} />
            <Stat label={labels.meanPost} value={percent(gain.meanPost)} />
            <Stat
              label={labels.gain}
              value={gain.normalisedGain === null ? labels.notYet : fill(labels.gainValue, { gain: gain.normalisedGain.toFixed(2) })}
              explain={labels.gainExplain}
            />
          </>
        )}
        <Stat label={labels.hit} value={rate(d.hitRate)} explain={d.items ? labels.hitExplain : labels.noDiscern} />
        <Stat label={labels.falseAlarm} value={rate(d.falseAlarmRate)} explain={d.items ? labels.falseAlarmExplain : labels.noDiscern} />
        {d.items > 0 && (
          <Stat
            label={labels.sensitivity}
            value={d.sensitivity ? fill(labels.sensitivityValue, { dPrime: dPrimeText(d.sensitivity.meanDPrime), learners: d.sensitivity.learners }) : labels.notYet}
            explain={d.sensitivity ? labels.sensitivityExplain : fill(labels.sensitivityHidden, { min: d.minLearners })}
          />
        )}
      </dl>
    </>
  );
}
