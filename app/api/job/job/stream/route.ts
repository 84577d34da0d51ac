import { drfRoute } from "@/server/http/route";
import { openHistoryStream } from "@/server/output/stream-history";
import { SSE_HEADERS } from "@/server/output/stream-job";

export const dynamic = "force-dynamic";

/** The history's live channel: which jobs changed, and the newest id (Server-Sent Events). */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ ctx, request }) => new Response(openHistoryStream(ctx.history, request.signal), { headers: SSE_HEADERS }),
});
