// The LRS settings form (admin page), one zod schema beside its consumer (lib/xapi/settings.ts).
import { z } from "zod";

/** An http(s) address with no user, password, query or fragment: those belong elsewhere. */
const address = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "https:" || u.protocol === "http:") && !u.username && !u.password && !u.search && !u.hash;
      } catch {
        return false;
      }
    }, "xapi.badAddress");

export const XAPI_VERSIONS = ["1.0.3", "2.0.0"] as const;

export const lrsSettingsInput = z
  .strictObject({
    /** The LRS's xAPI endpoint; statements go to <endpoint>/statements. */
    endpoint: address(500),
    /** Basic auth key and secret: both to set them, neither to keep the stored ones. */
    key: z.string().min(1).max(500).optional(),
    secret: z.string().min(1).max(500).optional(),
    version: z.enum(XAPI_VERSIONS),
    enabled: z.boolean(),
    /** The app's address as statements name it; the server's own address when left out. */
    activityBase: address(200).optional(),
  })
  .refine((v) => (v.key === undefined) === (v.secret === undefined), { message: "xapi.keyAndSecret", path: ["secret"] });
export type LrsSettingsInput = z.infer<typeof lrsSettingsInput>;
