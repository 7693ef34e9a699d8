// The same-shape floor for the lesson page: a bare page at the app's lesson route shape
// (/[locale]/courses/[course]/[lesson], prerendered from generateStaticParams) carrying as much
// text as the app's first lesson, with no app code at all. bench/suites/pages.ts compares
// the app's lesson page with it as well as with the 5 KB page at "/", to separate what the route
// and the page's size cost Next.js from what the app adds.
export const dynamicParams = false;

export function generateStaticParams() {
  return [{ locale: "en", course: "shape-course", lesson: "shape-lesson" }];
}

const SENTENCE =
  "A bare paragraph of plain text, of about the length of a lesson's paragraphs, so that this page weighs what a lesson weighs. ";

export default async function Page(props) {
  const { course, lesson } = await props.params;
  // Paragraphs of about 500 characters, as many as make this page weigh what the app's first
  // lesson weighs (bench/lib/baseline-app.ts chooses the count from the lesson's prerendered HTML
  // and builds with it; 36 by default): the text appears twice, in the HTML and in the inline
  // React payload, as it does in the app.
  const count = Number(process.env.BENCH_SHAPE_PARAGRAPHS) || 36;
  const paragraphs = Array.from({ length: count }, (_, i) => `${i + 1}. ${SENTENCE.repeat(4)}`);
  return (
    <main>
      <h1>
        {course} / {lesson}
      </h1>
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </main>
  );
}
