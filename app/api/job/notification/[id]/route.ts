import { fieldSource } from "@/server/http/body";
import { secretBox } from "@/core/crypto/secret-box";
import { drfRoute, json, noContent, pathId } from "@/server/http/route";
import { deleteNotification } from "@/server/notifications/delete-notification";
import { getNotification } from "@/server/notifications/get-notification";
import { serializeNotification } from "@/server/notifications/serialize-notification";
import { updateNotification } from "@/server/notifications/update-notification";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>({
  GET: async ({ ctx, params }) => json(serializeNotification(await getNotification(ctx.db, pathId(params.id)))),
  PUT: async ({ ctx, params, body }) =>
    json(serializeNotification(await updateNotification(ctx.db, secretBox(ctx.config), pathId(params.id), fieldSource(await body()), { partial: false }))),
  PATCH: async ({ ctx, params, body }) =>
    json(serializeNotification(await updateNotification(ctx.db, secretBox(ctx.config), pathId(params.id), fieldSource(await body()), { partial: true }))),
  DELETE: async ({ ctx, params }) => {
    await deleteNotification(ctx.db, pathId(params.id));
    return noContent();
  },
});
