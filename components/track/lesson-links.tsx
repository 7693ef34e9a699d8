import Link from "@/components/ui/link";

/** Links to course lessons by id, titled from the course outline. */
export function LessonLinks({ locale, course, ids, titles }: { locale: string; course: string; ids: string[]; titles: Record<string, string> }) {
  return (
    <ul>
      {ids.map((id) => (
        <li key={id}>
          <Link href={`/${locale}/courses/${course}/${id}`}>{titles[id] ?? id}</Link>
        </li>
      ))}
    </ul>
  );
}
