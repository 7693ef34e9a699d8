import Link from "./link";

/** A segment's not-found page: what was missing, and the nearest list to pick from instead. */
export function NotFoundState({ title, body, href, link }: { title: string; body: string; href: string; link: string }) {
  return (
    <div className="container reading">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link href={href}>{link}</Link>
      </p>
    </div>
  );
}
