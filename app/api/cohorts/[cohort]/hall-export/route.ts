import { z } from "zod";
import { exportHallGroup } from "@/lib/hall/export";
import { attachment } from "@/lib/http/download";
import { idParam, userRoute } from "@/lib/http/handler";

/**
 * The group's records on a hall laptop as one JSON file (lib/hall/format.ts), for its owners to
 * import into the same group on the organisation's server (docs/deploy.md "A hall without internet").
 */
export const GET = userRoute(z.strictObject({}), async ({ db, user, params }) => {
  const file = await exportHallGroup(db, user, idParam(params, "cohort", "group"));
  return new Response(JSON.stringify(file), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachment(`${file.group.name} hall`, "json", "group-hall"),
      "Cache-Control": "no-store",
    },
  });
});
