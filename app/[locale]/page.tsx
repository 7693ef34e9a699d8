import Link from "@/components/ui/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getCourses } from "@/lib/content";
import { ContinueLink } from "@/components/progress/continue-link";

export default async function HomePage(props: PageProps<"/[locale]">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const [t, tc] = await Promise.all([
    getTranslations({ locale, namespace: "home" }),
    getTranslations({ locale, namespace: "course" }),
  ]);
  const course = getCourses(locale)[0];
  const firstLesson = course?.modules[0]?.lessons[0];

  return (
    <div className="container">
      <section className="hero reading" aria-labelledby="home-title">
        <h1 id="home-title">{t("title")}</h1>
        <p className="lead">{t("lead")}</p>
        <div className="actions">
          {course && firstLesson && (
            <ContinueLink
              locale={locale}
              first={{ href: `/${locale}/courses/${course.id}/${firstLesson.id}`, title: firstLesson.title }}
              labels={{ continue: tc.raw("continue") as string, start: tc.raw("start") as string }}
            />
          )}
          {/* One tap for anyone handed a group code in a hall or a classroom. */}
          <Link className="button secondary" href={`/${locale}/join`}>
            {t("join")}
          </Link>
          <Link className="button secondary" href={`/${locale}/courses`}>
            {t("browse")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="who-title">
        <h2 id="who-title">{t("whoTitle")}</h2>
        <ul className="audiences">
          {(["leaders", "self", "schools"] as const).map((k) => (
            <li key={k} className="card">
              <h3>{t(`${k}Title`)}</h3>
              <p>{t(k)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="reading" aria-labelledby="principles-title">
        <h2 id="principles-title">{t("principlesTitle")}</h2>
        <ul>
          <li>{t("principles1")}</li>
          <li>{t("principles2")}</li>
          <li>{t("principles3")}</li>
        </ul>
      </section>
    </div>
  );
}
