// The room view's progress: one row per lesson of the plan with how many finished it and how
// many best scores fall in each band, counts only (lib/cohorts/room.ts). The bands of a lesson
// stay hidden until enough learners have a score, so a projected "1 below 50%" never points at
// someone in a small room.
import type { RoomProgressView } from "@/lib/cohorts/room";
import { fill } from "@/components/ui/fill";
import type { RoomLabels } from "./labels";

export function RoomProgress({ progress, labels }: { progress: RoomProgressView; labels: RoomLabels }) {
  if (progress.learners === 0) return <p className="cohort-empty">{labels.empty}</p>;
  const { learners } = progress;
  return (
    <div className="table-region" role="region" aria-labelledby="room-progress-caption" tabIndex={0}>
      <table className="room-progress">
        <caption id="room-progress-caption">{labels.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.lesson}</th>
            <th scope="col" className="num">
              {labels.done}
            </th>
            <th scope="col" className="num">
              {labels.bandHigh}
            </th>
            <th scope="col" className="num">
              {labels.bandMid}
            </th>
            <th scope="col" className="num">
              <span className="heat-mark" aria-hidden="true">
                !
              </span>
              {labels.bandLow}
            </th>
          </tr>
        </thead>
        <tbody>
          {progress.lessons.map((l) => (
            <tr key={l.id}>
              <th scope="row">
                <span className="room-lesson-number">{l.number}</span> {l.title}
              </th>
              <td className="num">{fill(labels.ofLearners, { count: l.completed, total: learners })}</td>
              {l.bands ? (
                <>
                  <td className="num">{l.bands.high}</td>
                  <td className="num">{l.bands.mid}</td>
                  <td className={`num${l.bands.low > 0 ? " room-low" : ""}`}>{l.bands.low}</td>
                </>
              ) : (
                <td colSpan={3} className="meta room-hidden">
                  {l.scored === 0 ? labels.noScores : fill(labels.hidden, { min: progress.minScores, count: l.scored })}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
