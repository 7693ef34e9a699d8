// The views over the real course: for every step a workshop plan and its course hold, before the
// reveal no key, feedback, explanation or technique reaches a phone or the projector, and after it
// the room sees the distribution while a phone sees only its own grade.
import { describe, expect, it } from "vitest";
import { getCourses, getLesson, getQuiz, getTracks } from "@/lib/content";
import { keyLeaks } from "@/lib/testing/key-leaks";
import type { Quiz } from "@/lib/quiz/types";
import { liveContent, planLesson, runningOrderFromPlan } from "./content";
import { initialState, reduce, roundKey, type LiveState } from "./session";
import { keyed, quizSteps, type Step } from "./steps";
import { facilitatorView, participantView, projectorView, type Tallies } from "./views";

const locale = "en";
const content = liveContent(locale);
const ctx = { code: "ABCD2345", locale };
const course = getCourses(locale)[0];
const plan = getTracks(locale).find((t) => t.kind === "workshop")!;

/** Every step the course offers: each lesson's quiz questions and scenario, and the plan's steps. */
function everyStep(): Step[] {
  const steps = new Map<string, Step>();
  for (const s of runningOrderFromPlan(locale, plan.id)!) steps.set(s.key, s);
  for (const m of course.modules) {
    for (const l of m.lessons) {
      const lesson = planLesson(locale, course.id, l.id)!;
      for (const s of quizSteps(course.id, lesson, content.pairedQuestions(course.id, l.id))) steps.set(s.key, s);
      if (lesson.scenario) {
        const s = keyed({ kind: "scenario", course: course.id, lesson: l.id, scenario: lesson.scenario });
        steps.set(s.key, s);
      }
    }
  }
  return [...steps.values()].filter((s) => s.kind !== "lobby");
}

const allQuizzes: Quiz[] = course.modules.flatMap((m) => m.lessons.flatMap((l) => (l.quizId ? [getQuiz(locale, course.id, l.quizId)!] : [])));

/** Secrets of scenarios that are not on screen yet: later nodes' endings. */
const leaksIn = (json: string) => allQuizzes.flatMap((q) => keyLeaks(json, q));

function openOn(step: Step): LiveState {
  return reduce(initialState([{ kind: "lobby", key: "lobby" }, step]), { type: "goto", key: step.key }, content);
}

describe("running order from the workshop plan", () => {
  const order = runningOrderFromPlan(locale, plan.id)!;
  it("starts with the lobby, has each kind, and names only content that exists", () => {
    expect(order[0].kind).toBe("lobby");
    expect(new Set(order.map((s) => s.kind))).toEqual(new Set(["lobby", "check", "question", "discernment", "scenario", "discussion"]));
    expect(new Set(order.map((s) => s.key)).size).toBe(order.length);
    for (const s of order.slice(1)) expect(s.plan?.say.length).toBeGreaterThan(0);
  });
  it("leaves out the versions of bias-check pairs", () => {
    for (const s of order) {
      if (s.kind === "question" && s.ref.quiz.kind === "lesson") expect(content.pairedQuestions(course.id, s.ref.quiz.lesson).has(s.ref.question)).toBe(false);
    }
  });
});

describe("views before the reveal", () => {
  const steps = everyStep();
  it("covers every kind of step", () => {
    expect(new Set(steps.map((s) => s.kind))).toEqual(new Set(["check", "question", "discernment", "scenario", "discussion"]));
  });
  it.each(steps.map((s) => [s.key, s] as const))("%s: no key reaches a phone or the projector", (_key, step) => {
    let state = openOn(step);
    // Votes for every choice, so tallies exist to leak if a view sent them.
    const tallies: Tallies = { participants: 3, names: ["Zyxwv", "Bo", "Cy"], rounds: { [roundKey(state, content)]: { answered: 3, counts: { a: 1, b: 2 } } } };
    const look = () => {
      const phone = JSON.stringify(participantView(state, content, ctx, { nickname: "Zyxwv", answer: ["x"] }));
      const projector = JSON.stringify(projectorView(state, tallies, content, ctx));
      for (const json of [phone, projector]) {
        expect(leaksIn(json)).toEqual([]);
        expect(json).not.toMatch(/"(correct|feedback|explanation|technique|reveal|result|say|counts)"/);
      }
      expect(projector).not.toContain("Zyxwv");
    };
    look();
    // Scenario: every decision on the majority path, before each reveal.
    for (let i = 0; state.scenario && state.phase === "open" && i < 10; i++) {
      state = reduce(reduce(state, { type: "reveal" }, content), { type: "follow", counts: {} }, content);
      if (state.phase === "open") look();
    }
  });
});

describe("views after the reveal", () => {
  const lesson = course.modules[0].lessons.find((l) => l.quizId)!;
  const quiz = getQuiz(locale, course.id, lesson.quizId!)!;
  const q = quiz.questions.find((x) => x.type === "single")!;
  const step = keyed({ kind: "question", ref: { kind: "question", course: course.id, quiz: { kind: "lesson", lesson: lesson.id }, question: q.id } });
  const wrong = q.options.find((o) => !q.correct.includes(o.id))!;
  const state = reduce(openOn(step), { type: "reveal" }, content);
  const tallies: Tallies = { participants: 4, names: ["Zyxwv"], rounds: { [step.key]: { answered: 3, counts: { [q.correct[0]]: 2, [wrong.id]: 1 } } } };

  it("shows the room the distribution, key, feedback and explanation", () => {
    const view = projectorView(state, tallies, content, ctx);
    expect(view.reveal).toMatchObject({ kind: "question", answered: 3, counts: { [q.correct[0]]: 2, [wrong.id]: 1 }, correct: q.correct, explanation: q.explanation });
    expect(view.names).toBeUndefined();
    expect(projectorView(reduce(state, { type: "names", show: true }, content), tallies, content, ctx).names).toEqual(["Zyxwv"]);
  });

  it("shows a phone its own grade and the feedback on its answer", () => {
    const view = participantView(state, content, ctx, { nickname: "Bo", answer: [wrong.id] });
    expect(view.result?.verdict).toBe("incorrect");
    expect(view.result?.feedback.map((f) => f.optionId)).toContain(wrong.id);
    expect(JSON.stringify(view)).not.toContain('"counts"');
  });

  it("gives the facilitator the plan's notes and the votes as they come in", () => {
    const order = runningOrderFromPlan(locale, plan.id)!;
    const s = reduce(initialState(order), { type: "start" }, content);
    const view = facilitatorView(s, { participants: 0, rounds: {} }, content, ctx);
    expect(view.order[1].plan?.say).toBe(plan.kind === "workshop" ? plan.parts.find((p) => p.id === view.order[1].plan?.part)?.facilitatorNotes : "");
    expect(getLesson(locale, course.id, lesson.id)).toBeDefined();
  });
});
