// The learner's skills on the dashboard: each skill's label and score, a link to practise it, and
// how the labels are worked out (the thresholds come from lib/progress/mastery.ts, so the words
// and the rule cannot drift apart).
import Link from "@/components/ui/link";
import { fill } from "@/components/ui/fill";
import { MASTERY_THRESHOLDS, skillPercent } from "@/lib/progress/mastery";
import type { PracticeTarget } from "@/lib/progress/practice";
import type { DashboardData } from "./dashboard-types";
import type { DashboardLabels } from "./dashboard";

interface Props {
  mastery: DashboardData["mastery"];
  /** Where to practise each skill, and the course it is in. */
  practice: (PracticeTarget & { courseId: string })[];
  locale: string;
  labels: DashboardLabels;
}

export function SkillCards({ mastery, practice, locale, labels }: Props) {
  const pct = (n: number) => Math.round(n * 100);
  return (
    <section aria-labelledby="skills-title">
      <h2 id="skills-title">{labels.skillsTitle}</h2>
      <p>{labels.levelsHow}</p>
      <details className="skill-levels">
        <summary>{labels.levelsDetails}</summary>
        <ul>
          <li>{labels.levelNotStartedRule}</li>
          <li>{fill(labels.levelDevelopingRule, { secure: pct(MASTERY_THRESHOLDS.secure) })}</li>
          <li>{fill(labels.levelSecureRule, { secure: pct(MASTERY_THRESHOLDS.secure) })}</li>
          <li>{fill(labels.levelMasteredRule, { mastered: pct(MASTERY_THRESHOLDS.mastered), count: MASTERY_THRESHOLDS.masteredMinQuestions })}</li>
        </ul>
      </details>
      <ul className="skills">
        {mastery.map((m) => {
          const target = practice.find((p) => p.skill === m.skill);
          return (
            <li key={m.skill} className="card" data-skill={m.skill}>
              <h3>{labels[`skill_${m.skill}`]}</h3>
              <p className="skill-level">{labels[`level_${m.level}`]}</p>
              {m.questions > 0 ? (
                <p className="meta dotted">
                  <span>{fill(labels.skillCorrect, { percent: skillPercent(m.score) })}</span>
                  <span>{fill(labels.skillAnswered, { count: m.questions })}</span>
                </p>
              ) : (
                <p className="meta">{labels.skillNone}</p>
              )}
              {target && (
                <p>
                  <Link href={`/${locale}/courses/${target.courseId}/${target.lessonId}/quiz`}>{fill(labels.practiseSkill, { title: target.title })}</Link>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
