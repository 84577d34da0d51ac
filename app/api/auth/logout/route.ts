import { noContent, publicRoute } from "@/server/http/route";
import { endSession } from "@/server/auth/end-session";

export const dynamic = "force-dynamic";

/** Ends the browser's session (a no-op without one) and clears its cookies. */
export const { GET, POST, PUT, PATCH, DELETE } = publicRoute({
  POST: async ({ request, ctx }) => {
    const res = noContent();
    for (const c of await endSession(ctx, request)) res.headers.append("set-cookie", c);
    return res;
  },
});
