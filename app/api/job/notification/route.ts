import { envelope } from "@/server/drf/pagination";
import { fieldSource } from "@/server/http/body";
import { secretBox } from "@/core/crypto/secret-box";
import { drfRoute, json } from "@/server/http/route";
import { createNotification } from "@/server/notifications/create-notification";
import { listNotifications } from "@/server/notifications/list-notifications";
import { serializeNotification } from "@/server/notifications/serialize-notification";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ url, ctx }) => {
    const { page, count, rows } = await listNotifications(ctx.db, url);
    return json(envelope(url, page, count, rows.map(serializeNotification)));
  },
  POST: async ({ ctx, body }) => json(serializeNotification(await createNotification(ctx.db, secretBox(ctx.config), fieldSource(await body()))), 201),
});
