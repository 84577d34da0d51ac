import { drfRoute, json, pathId } from "@/server/http/route";
import { testNotification } from "@/server/notifications/test-notification";

export const dynamic = "force-dynamic";

/** Sends a sample message now and answers the attempt (`status` ok or failed); operators, as any change. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  POST: async ({ ctx, user, params }) => json(await testNotification(ctx.db, ctx.config, user, pathId(params.id))),
});
