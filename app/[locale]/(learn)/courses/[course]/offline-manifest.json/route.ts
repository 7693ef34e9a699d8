// The list of pages "Save this course for offline" stores (lib/offline/course-pages.ts): a static
// file per course and language, written at build time, the same for everyone.
import { notFound } from "next/navigation";
import { allCourseParams } from "@/lib/content";
import { offlineManifest } from "@/lib/offline/course-pages";

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return allCourseParams();
}

export async function GET(_request: Request, ctx: RouteContext<"/[locale]/courses/[course]/offline-manifest.json">) {
  const { locale, course } = await ctx.params;
  const manifest = offlineManifest(locale, course);
  if (!manifest) notFound();
  return Response.json(manifest);
}
