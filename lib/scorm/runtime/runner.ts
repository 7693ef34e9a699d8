// The package's one script: shows one lesson at a time, runs each lesson's practice quiz (graded
// here with lib/quiz, whose keys the app's lesson pages ship to browsers too: docs/grading.md),
// and reports progress, score and status to the LMS (lms.ts). Without JavaScript every lesson
// stays readable on the one page. Text from the content goes in as text, never as markup; the
// lessons' own HTML was made at export time by the app's Markdown renderer.
import { gradeAnswer, gradeQuiz, type AnswerResult } from "../../quiz/grade";
import { biasExperiment, oneVersionEach } from "../../quiz/experiments";
import { shuffleOptions } from "../../quiz/shuffle";
import type { Question, Quiz } from "../../quiz/types";
import { decodeState, encodeState, type LearnerState, type PackageLesson, reportOf, withBest, withSeen } from "../state";
import { connect, type Lms } from "./lms";

export interface PackageData {
  version: "1.2" | "2004";
  passPercent: number;
  lessons: PackageLesson[];
  quizzes: Record<string, Quiz>;
  labels: Record<string, string>;
  techniqueNames: Record<string, string>;
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function start() {
  const data = JSON.parse(document.getElementById("package-data")!.textContent!) as PackageData;
  const L = data.labels;
  document.documentElement.classList.add("js");
  const startedAt = Date.now();
  const lms: Lms | null = connect(window, data.version);
  let state: LearnerState = decodeState(lms?.suspendData());

  // One version of each bias-check pair per learner, drawn once and kept with the progress.
  for (const quiz of Object.values(data.quizzes)) {
    for (const pair of quiz.biasPairs ?? []) {
      const key = biasExperiment(pair.id);
      if (!state.arms[key]) state = { ...state, arms: { ...state.arms, [key]: crypto.getRandomValues(new Uint8Array(1))[0] % 2 ? "b" : "a" } };
    }
  }

  const sections = Array.from(document.querySelectorAll<HTMLElement>("section.lesson"));
  const links = Array.from(document.querySelectorAll<HTMLAnchorElement>("nav.contents a[data-position]"));
  const status = document.getElementById("connection")!;
  const courseScore = document.getElementById("course-score")!;
  status.textContent = lms ? L.connected : L.notConnected;
  let current = 0;

  function save() {
    const report = reportOf(data.lessons, state, data.passPercent);
    for (const a of links) {
      const i = Number(a.dataset.position);
      const done = data.lessons[i].quizId ? state.best[i] !== undefined : state.seen.includes(i);
      a.querySelector(".done-mark")!.toggleAttribute("hidden", !done);
    }
    courseScore.textContent = fill(L.courseScore, { percent: report.raw, taken: report.quizzesTaken, total: report.quizzes });
    if (lms) {
      lms.save(report, encodeState(state), data.lessons[current].id);
      lms.commit();
    }
    return report;
  }

  function show(i: number, focus: boolean) {
    current = i;
    sections.forEach((s, j) => (s.hidden = j !== i));
    links.forEach((a, j) => (j === i ? a.setAttribute("aria-current", "page") : a.removeAttribute("aria-current")));
    state = withSeen(state, i);
    save();
    if (focus) sections[i].querySelector<HTMLElement>("h1")?.focus();
  }

  const positionOfHash = () => sections.findIndex((s) => `#${s.id}` === location.hash);
  window.addEventListener("hashchange", () => {
    const i = positionOfHash();
    if (i >= 0) show(i, true);
  });
  const resumeAt = data.lessons.findIndex((l) => l.id === lms?.location());
  show(positionOfHash() >= 0 ? positionOfHash() : Math.max(0, resumeAt), false);

  for (const mount of document.querySelectorAll<HTMLElement>(".quiz-mount")) {
    const position = Number(mount.dataset.position);
    const quiz = data.quizzes[mount.dataset.quiz!];
    if (quiz) mountQuiz(mount, quiz, position);
  }

  const finish = () => lms?.finish(Date.now() - startedAt, reportOf(data.lessons, state, data.passPercent).completion === "completed");
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  function mountQuiz(mount: HTMLElement, authored: Quiz, position: number) {
    let questions: Question[] = [];
    let index = 0;
    let answers: Record<string, string[]> = {};
    let graded: Record<string, AnswerResult> = {};

    function begin(focus: boolean) {
      const seed = randomId();
      const quiz = oneVersionEach(authored, state.arms);
      questions = quiz.questions.map((q) => shuffleOptions(q, seed));
      index = 0;
      answers = {};
      graded = {};
      renderQuestion(focus);
    }

    function renderQuestion(focus: boolean) {
      const q = questions[index];
      let selection: string[] = [];
      const form = el("form", { class: "question", novalidate: "" });
      form.append(el("p", { class: "meta" }, fill(L.questionOf, { number: index + 1, total: questions.length })));
      if (q.vignette) {
        form.append(el("aside", { class: "scenario", "aria-label": L.fictional }, el("p", { class: "scenario-label" }, L.fictional), el("p", {}, q.vignette)));
      }
      const hintId = `hint-${position}-${q.id}`;
      const errorId = `error-${position}-${q.id}`;
      const legend = el("legend", { tabindex: "-1" }, q.prompt);
      const fieldset = el("fieldset", { "aria-describedby": hintId }, legend, el("p", { class: "hint", id: hintId }, hint(q)));
      const inputs = renderInputs(q, (next) => (selection = next));
      fieldset.append(inputs.node);
      form.append(fieldset);
      const error = el("p", { class: "error-text", id: errorId, role: "alert" });
      const button = el("button", { type: "submit", class: "button" }, L.check);
      const after = el("div", { tabindex: "-1" });
      form.append(error, after, el("div", { class: "actions" }, button));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        if (graded[q.id]) {
          index++;
          if (index < questions.length) renderQuestion(true);
          else renderResult();
          return;
        }
        const chosen = toChosen(q, selection);
        if ("error" in chosen) {
          error.textContent = chosen.error;
          fieldset.setAttribute("aria-describedby", `${hintId} ${errorId}`);
          return;
        }
        const result = gradeAnswer(q, chosen.chosen);
        answers[q.id] = chosen.chosen;
        graded[q.id] = result;
        error.textContent = "";
        fieldset.setAttribute("aria-describedby", hintId);
        inputs.lock(result);
        after.append(feedbackNode(q, result, "h3"));
        button.textContent = index + 1 < questions.length ? L.next : L.finish;
        after.focus();
      });
      mount.replaceChildren(form);
      if (focus) legend.focus();
    }

    function renderResult() {
      const result = gradeQuiz({ ...authored, questions }, answers);
      state = withBest(state, position, result.percent);
      save();
      const title = el("h3", { tabindex: "-1" }, L.resultTitle);
      const box = el("div", { class: "result" }, title);
      box.append(el("p", { class: "score" }, fill(L.score, { correct: result.correctCount, total: result.total, percent: result.percent })));
      box.append(el("p", {}, result.passed ? L.passed : fill(L.notPassed, { percent: Math.round(authored.passMark * 100) })));
      box.append(el("p", { class: "meta" }, fill(L.best, { percent: state.best[position] })));
      const retry = el("button", { type: "button", class: "button" }, L.retry);
      retry.addEventListener("click", () => begin(true));
      box.append(el("div", { class: "actions" }, retry));
      box.append(el("h4", {}, L.review));
      const list = el("ol", { class: "review" });
      for (const q of questions) {
        const r = graded[q.id];
        list.append(el("li", { class: "card" }, el("p", {}, el("strong", {}, q.prompt)), ...(r ? [feedbackNode(q, r, "p")] : [])));
      }
      box.append(list);
      mount.replaceChildren(box);
      title.focus();
    }

    begin(false);
  }

  function hint(q: Question): string {
    if (q.type === "sort") return L.sortHint;
    if (q.type === "discern") return L.discernHint;
    return q.type === "multiple" ? L.chooseAll : L.chooseOne;
  }

  function toChosen(q: Question, selection: string[]): { chosen: string[] } | { error: string } {
    if (q.type === "sort") return selection.length === q.options.length ? { chosen: selection } : { error: L.sortIncomplete };
    if (q.type === "discern") {
      if (selection.length !== q.options.length) return { error: L.discernIncomplete };
      return { chosen: selection.filter((s) => s.endsWith(":m")).map((s) => s.slice(0, -2)) };
    }
    return selection.length ? { chosen: selection } : { error: L.noChoice };
  }

  function optionText(o: Question["options"][number]) {
    return o.text || (o.id === "true" ? L.true : L.false);
  }

  function radio(name: string, value: string, text: string, type: "radio" | "checkbox", onChange: (checked: boolean) => void) {
    const input = el("input", { type, name, value });
    input.addEventListener("change", () => onChange(input.checked));
    return { label: el("label", { class: type === "radio" && name.startsWith("pile") ? "pile" : "option" }, input, el("span", {}, text)), input };
  }

  /** The inputs of one question; `lock` disables them and marks them once graded. */
  function renderInputs(q: Question, onChange: (selection: string[]) => void): { node: HTMLElement; lock(result: AnswerResult): void } {
    let selection: string[] = [];
    const setPair = (key: string, value: string) => {
      selection = [...selection.filter((s) => !s.startsWith(`${key}:`)), `${key}:${value}`];
      onChange(selection);
    };
    const all: HTMLInputElement[] = [];
    if (q.type === "sort" || q.type === "discern") {
      const box = el("div", { class: q.type === "sort" ? "sort-items" : "posts" });
      const rows: { id: string; fieldset: HTMLFieldSetElement }[] = [];
      q.options.forEach((item, n) => {
        const legendText = q.type === "sort" ? item.text : fill(L.inventedPost, { n: n + 1 });
        const fieldset = el("fieldset", { class: q.type === "sort" ? "sort-item" : "post" }, el("legend", {}, legendText));
        if (q.type === "discern") fieldset.append(el("blockquote", { class: "post-text" }, item.text));
        const choices = q.type === "sort" ? (q.categories ?? []).map((c) => [c.id, c.label] as const) : ([["g", L.genuine], ["m", L.manipulative]] as const);
        const piles = el("div", { class: "piles" });
        for (const [value, text] of choices) {
          const r = radio(`pile-${q.id}-${item.id}`, value, text, "radio", () => setPair(item.id, value));
          all.push(r.input);
          piles.append(r.label);
        }
        fieldset.append(piles);
        box.append(fieldset);
        rows.push({ id: item.id, fieldset });
      });
      return {
        node: box,
        lock(result) {
          all.forEach((i) => (i.disabled = true));
          const right = new Map(q.correct.map((c) => c.split(":") as [string, string]));
          for (const row of rows) {
            const f = result.feedback.find((x) => x.optionId === row.id);
            const item = q.options.find((o) => o.id === row.id)!;
            row.fieldset.classList.add(f?.correct ? "is-correct" : "is-wrong");
            let verdict: string;
            if (q.type === "sort") {
              const pile = q.categories?.find((c) => c.id === right.get(row.id))?.label ?? "";
              verdict = f?.correct ? `\u2713 ${L.correct}` : `\u2717 ${fill(L.belongsIn, { pile })}`;
            } else {
              const manipulative = q.correct.includes(row.id);
              const technique = item.technique ? ` (${fill(L.technique, { technique: data.techniqueNames[item.technique] ?? item.technique })})` : "";
              verdict = `${f?.correct ? "\u2713" : "\u2717"} ${manipulative ? L.manipulative : L.genuine}${technique}.`;
            }
            row.fieldset.append(el("p", { class: "item-feedback" }, el("strong", {}, verdict), ` ${item.feedback}`));
          }
        },
      };
    }
    const multiple = q.type === "multiple";
    const box = el("div", { class: "options" });
    const labels = new Map<string, HTMLLabelElement>();
    for (const o of q.options) {
      const r = radio(`q-${q.id}`, o.id, optionText(o), multiple ? "checkbox" : "radio", (checked) => {
        selection = multiple ? (checked ? [...selection, o.id] : selection.filter((x) => x !== o.id)) : [o.id];
        onChange(selection);
      });
      all.push(r.input);
      labels.set(o.id, r.label);
      box.append(r.label);
    }
    return {
      node: box,
      lock() {
        all.forEach((i) => (i.disabled = true));
        for (const [id, label] of labels) {
          const right = q.correct.includes(id);
          const chosen = selection.includes(id);
          if (right) label.classList.add("is-correct");
          else if (chosen) label.classList.add("is-wrong");
          if (right || chosen) label.querySelector("span")!.prepend(el("span", { class: "option-mark" }, right ? `\u2713 ${L.rightAnswer}` : `\u2717 ${L.yourChoice}`), " ");
        }
      },
    };
  }

  function feedbackNode(q: Question, result: AnswerResult, heading: "h3" | "p"): HTMLElement {
    const box = el("div", { class: `feedback ${result.verdict}` }, el(heading, { class: "verdict" }, L[result.verdict]));
    const d = result.discernment;
    if (d) box.append(el("p", {}, fill(L.discernResult, { hits: d.hits, signal: d.hits + d.misses, falseAlarms: d.falseAlarms, noise: d.falseAlarms + d.correctRejections })));
    if (q.type !== "sort" && q.type !== "discern") {
      const list = el("ul");
      for (const f of result.feedback) {
        const o = q.options.find((x) => x.id === f.optionId);
        list.append(el("li", {}, el("strong", {}, `${f.chosen ? L.yourChoice : L.rightAnswer}:`), ` ${o ? optionText(o) : f.optionId}${f.chosen && f.correct ? " \u2713" : ""}`, el("br"), f.feedback));
      }
      box.append(list);
    }
    box.append(el("p", {}, el("strong", {}, `${L.why}:`), ` ${result.explanation}`));
    return box;
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
