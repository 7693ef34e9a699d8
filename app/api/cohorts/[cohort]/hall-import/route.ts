import { z } from "zod";
import { HALL_FILE_MAX_BYTES } from "@/lib/hall/format";
import { importHallGroup } from "@/lib/hall/import";
import { idParam, userRoute } from "@/lib/http/handler";

/**
 * A hall export added to this group: `confirm: false` previews what it would add, `true` adds it,
 * all or nothing (lib/hall/import.ts). The file is checked there, whole, against its schema.
 */
export const POST = userRoute(
  z.strictObject({ confirm: z.boolean(), file: z.unknown() }),
  async ({ db, user, params, input }) => importHallGroup(db, user, idParam(params, "cohort", "group"), input.file, input.confirm),
  { maxBodyBytes: HALL_FILE_MAX_BYTES + 1024 },
);
