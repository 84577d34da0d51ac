import { fieldSource } from "@/server/http/body";
import { drfRoute, json, noContent, pathId } from "@/server/http/route";
import { deleteSchedule } from "@/server/schedules/delete-schedule";
import { getSchedule } from "@/server/schedules/get-schedule";
import { serializeSchedule } from "@/server/schedules/serialize-schedule";
import { updateSchedule } from "@/server/schedules/update-schedule";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>({
  GET: async ({ ctx, params }) => json(serializeSchedule(await getSchedule(ctx.db, pathId(params.id)))),
  PUT: async ({ ctx, user, params, body }) =>
    json(serializeSchedule(await updateSchedule(ctx.db, user, pathId(params.id), fieldSource(await body()), { partial: false }))),
  PATCH: async ({ ctx, user, params, body }) =>
    json(serializeSchedule(await updateSchedule(ctx.db, user, pathId(params.id), fieldSource(await body()), { partial: true }))),
  DELETE: async ({ ctx, params }) => {
    await deleteSchedule(ctx.db, pathId(params.id));
    return noContent();
  },
});
