// The LTI 1.3 claim names and the shape of the messages the tool accepts (LTI Core 1.3, Deep
// Linking 2.0, AGS 2.0, NRPS 2.0). Pure: the validation and the tests both read it.
import { z } from "zod";

export const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  launchPresentation: `${LTI}launch_presentation`,
  ags: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
  deepLinking: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  deepLinkData: "https://purl.imsglobal.org/spec/lti-dl/claim/data",
  contentItems: "https://purl.imsglobal.org/spec/lti-dl/claim/content_items",
} as const;

export const SCOPE = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  memberships: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
} as const;

export const MESSAGE_TYPES = ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

const url = z.url({ protocol: /^https?$/ }).max(2000);
const id = z.string().min(1).max(255);

/** The LTI claims of a launch, after the JWT checks (signature, iss, aud, exp, nonce). */
export const launchClaims = z.object({
  sub: id,
  [CLAIM.messageType]: z.enum(MESSAGE_TYPES),
  [CLAIM.version]: z.literal("1.3.0"),
  [CLAIM.deploymentId]: id,
  [CLAIM.targetLinkUri]: url.optional(),
  [CLAIM.roles]: z.array(z.string().max(500)).max(100),
  [CLAIM.resourceLink]: z.object({ id, title: z.string().max(500).optional() }).optional(),
  [CLAIM.context]: z.object({ id, title: z.string().max(500).optional() }).optional(),
  [CLAIM.custom]: z.record(z.string().max(100), z.unknown()).optional(),
  [CLAIM.launchPresentation]: z
    .object({ document_target: z.string().max(20).optional(), locale: z.string().max(35).optional(), return_url: url.optional() })
    .optional(),
  [CLAIM.ags]: z.object({ scope: z.array(z.string().max(200)).max(20).default([]), lineitems: url.optional(), lineitem: url.optional() }).optional(),
  [CLAIM.nrps]: z.object({ context_memberships_url: url }).optional(),
  [CLAIM.deepLinking]: z
    .object({
      deep_link_return_url: url,
      accept_types: z.array(z.string().max(50)).max(20),
      accept_multiple: z.boolean().optional(),
      data: z.string().max(4000).optional(),
    })
    .optional(),
});
export type LaunchClaims = z.infer<typeof launchClaims>;

/** Role URIs mean the same in their short form (LTI Core 1.3 section A.2: "Instructor"). */
const roleIs = (roles: readonly string[], name: string) =>
  roles.some((r) => r === name || r.endsWith(`/membership#${name}`) || r.endsWith(`/institution/person#${name}`));

/** The app's role for an LMS role list: teachers and admins run the group, anyone else learns. */
export function mapRoles(roles: readonly string[]): "instructor" | "learner" {
  return roleIs(roles, "Instructor") || roleIs(roles, "Administrator") || roleIs(roles, "ContentDeveloper") || roleIs(roles, "TeachingAssistant") ? "instructor" : "learner";
}
