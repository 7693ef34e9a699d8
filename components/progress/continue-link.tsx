"use client";
import Link from "@/components/ui/link";
import { fill } from "@/components/ui/fill";
import { useGuestProgress } from "./guest-progress";

/**
 * "Continue where you left off": the last lesson this browser opened, or the first lesson of
 * the course for a new visitor (which is also what the static HTML shows).
 */
export function ContinueLink(props: {
  locale: string;
  first: { href: string; title: string };
  labels: { continue: string; start: string };
  className?: string;
}) {
  const progress = useGuestProgress();
  const last = progress?.last;
  const usable = last && last.href.startsWith(`/${props.locale}/`);
  return (
    <Link className={props.className ?? "button"} href={usable ? last.href : props.first.href}>
      {usable ? fill(props.labels.continue, { title: last.title }) : fill(props.labels.start, { title: props.first.title })}
    </Link>
  );
}
