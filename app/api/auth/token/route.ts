import { fieldSource } from "@/server/http/body";
import { clientAddress } from "@/server/http/client-address";
import { json, publicRoute } from "@/server/http/route";
import { checkCredentials } from "@/server/auth/check-credentials";
import { createToken } from "@/server/tokens/create-token";

export const dynamic = "force-dynamic";

/**
 * DRF's obtain_auth_token: `username` and `password` (JSON or form) → `{"token": key}`.
 * Keys are stored hashed, so each call issues a new token (listed and revocable in the UI).
 */
export const { GET, POST, PUT, PATCH, DELETE } = publicRoute({
  POST: async ({ request, ctx, body }) => {
    const user = await checkCredentials(ctx.db, fieldSource(await body()), clientAddress(request, ctx.config));
    const token = await createToken(ctx.db, user.id, { name: "POST /api/auth/token/" });
    return json({ token: token.key });
  },
});
