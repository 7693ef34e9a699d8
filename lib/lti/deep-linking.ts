// Deep Linking 2.0: a teacher, launched from their LMS's "add content" screen, picks lessons and
// quizzes; the tool answers with a signed LtiDeepLinkingResponse whose content items are LTI
// resource links (custom parameters naming the content, and a line item for a quiz so the LMS
// makes a gradebook column), posted back to the LMS by the browser (an auto-submitting form).
import "server-only";
import crypto from "node:crypto";
import { SignJWT } from "jose";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/accounts";
import type { Db } from "@/lib/db/client";
import { getCourses } from "@/lib/content";
import { knownLocale } from "@/lib/content/known-locales";
import { AppError } from "@/lib/errors";
import { CLAIM } from "./claims";
import type { ToolKeyStore } from "./keys";
import { LAUNCH_PATH } from "./launch";
import { platformById } from "./platforms";
import { resolveTarget, targetPath } from "./targets";

export const deepLinkChoice = z.strictObject({
  items: z
    .array(z.strictObject({ course: z.string().max(100), lesson: z.string().max(100).optional(), view: z.enum(["course", "lesson", "quiz"]) }))
    .min(1)
    .max(50),
});
export type DeepLinkChoice = z.infer<typeof deepLinkChoice>;
/** The picker's request: the choice, in the page's locale. */
export const deepLinkInput = deepLinkChoice.extend({ locale: knownLocale });

async function openRequest(handle: Db, actor: SessionUser, id: string, now: Date) {
  const row = await handle.db.selectFrom("lti_deep_links").selectAll().where("id", "=", id).where("user_id", "=", actor.id).executeTakeFirst();
  if (!row || row.used_at || row.expires_at <= now.toISOString()) throw new AppError("not_found", "lti.deepLinkGone");
  return row;
}

/** What the picker offers: every lesson of the launch's locale, and whether its quiz can be picked. */
export async function deepLinkOptions(handle: Db, actor: SessionUser, id: string, locale: string, now = new Date()) {
  const row = await openRequest(handle, actor, id, now);
  const courses = getCourses(locale).map((c) => ({
    id: c.id,
    title: c.title,
    lessons: c.modules.flatMap((m) => m.lessons.map((l) => ({ id: l.id, title: l.title, hasQuiz: Boolean(l.quizId) }))),
  }));
  return { acceptMultiple: row.accept_multiple === 1, courses };
}

/** The signed response and where the browser posts it; the request is then used up. */
export async function answerDeepLink(handle: Db, actor: SessionUser, id: string, locale: string, choice: DeepLinkChoice, appOrigin: string, keys: ToolKeyStore, now = new Date()) {
  const row = await openRequest(handle, actor, id, now);
  const platform = await platformById(handle, row.platform_id);
  if (!platform) throw new AppError("not_found", "lti.deepLinkGone");
  const picked = row.accept_multiple === 1 ? choice.items : choice.items.slice(0, 1);
  const items = picked.map((item) => {
    const target = resolveTarget(locale, { course: item.course, lesson: item.lesson, view: item.view }, undefined, appOrigin);
    const course = getCourses(locale).find((c) => c.id === target.course);
    const lesson = course?.modules.flatMap((m) => m.lessons).find((l) => l.id === target.lesson);
    const title = lesson?.title ?? course?.title ?? target.course;
    return {
      type: "ltiResourceLink",
      title,
      url: `${appOrigin}${targetPath(locale, target)}`,
      custom: { course: target.course, ...(target.lesson ? { lesson: target.lesson } : {}), view: target.view },
      // A quiz, or the whole course (its final check), is graded: the LMS makes a column for it.
      ...(target.view !== "lesson" ? { lineItem: { scoreMaximum: 100, label: title, resourceId: `${target.course}/${target.lesson ?? "course"}` } } : {}),
    };
  });
  const { kid, alg, key } = await keys.signingKey();
  const iat = Math.floor(now.getTime() / 1000);
  const jwt = await new SignJWT({
    nonce: crypto.randomUUID(),
    [CLAIM.messageType]: "LtiDeepLinkingResponse",
    [CLAIM.version]: "1.3.0",
    [CLAIM.deploymentId]: row.deployment_id,
    [CLAIM.contentItems]: items,
    ...(row.data ? { [CLAIM.deepLinkData]: row.data } : {}),
  })
    .setProtectedHeader({ alg, kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .sign(key);
  const used = await handle.db.updateTable("lti_deep_links").set({ used_at: now.toISOString() }).where("id", "=", id).where("used_at", "is", null).executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw new AppError("not_found", "lti.deepLinkGone");
  return { returnUrl: row.return_url, jwt };
}

/** Resource links launch at this URL too (the login's target), kept for the admin page. */
export const launchUrl = (appOrigin: string) => `${appOrigin}${LAUNCH_PATH}`;
