import { envelope } from "@/server/drf/pagination";
import { fieldSource } from "@/server/http/body";
import { drfRoute, json } from "@/server/http/route";
import { createSchedule } from "@/server/schedules/create-schedule";
import { listSchedules } from "@/server/schedules/list-schedules";
import { serializeSchedule } from "@/server/schedules/serialize-schedule";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ url, ctx }) => {
    const { page, count, rows } = await listSchedules(ctx.db, url);
    return json(
      envelope(
        url,
        page,
        count,
        rows.map((r) => serializeSchedule(r)),
      ),
    );
  },
  POST: async ({ ctx, user, body }) => json(serializeSchedule(await createSchedule(ctx.db, user, fieldSource(await body()))), 201),
});
