import { fieldSource } from "@/server/http/body";
import { clientAddress } from "@/server/http/client-address";
import { json, publicRoute } from "@/server/http/route";
import { checkSameOrigin } from "@/server/auth/check-csrf";
import { checkCredentials } from "@/server/auth/check-credentials";
import { startSession } from "@/server/auth/start-session";
import { serializeUser } from "@/server/users/user-fields";

export const dynamic = "force-dynamic";

/** Browser login: username and password → session cookies and the user. */
export const { GET, POST, PUT, PATCH, DELETE } = publicRoute({
  POST: async ({ request, ctx, body }) => {
    checkSameOrigin(request, ctx.config);
    const address = clientAddress(request, ctx.config);
    const user = await checkCredentials(ctx.db, fieldSource(await body()), address);
    const cookies = await startSession(ctx, request, user.id, address);
    const res = json(serializeUser(user));
    for (const c of cookies) res.headers.append("set-cookie", c);
    return res;
  },
});
