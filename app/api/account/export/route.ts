import { z } from "zod";
import { exportMyData } from "@/lib/account/export";
import { attachment } from "@/lib/http/download";
import { userRoute } from "@/lib/http/handler";

/** Download everything stored about me, as JSON. */
export const GET = userRoute(z.object({}), async ({ db, user }) => {
  const data = await exportMyData(db, user);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachment(`common-ground-my-data-${data.exportedAt.slice(0, 10)}`, "json"),
      "Cache-Control": "no-store",
    },
  });
});
