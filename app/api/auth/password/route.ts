import { fieldSource } from "@/server/http/body";
import { clientAddress } from "@/server/http/client-address";
import { drfRoute, noContent } from "@/server/http/route";
import { changeOwnPassword } from "@/server/users/change-own-password";

export const dynamic = "force-dynamic";

/** Changes the caller's own password (`old_password`, `new_password`); their other sessions end. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute(
  {
    POST: async ({ request, ctx, user, body }) => {
      await changeOwnPassword(ctx.db, user, fieldSource(await body()), clientAddress(request, ctx.config));
      return noContent();
    },
  },
  { roles: { POST: "viewer" } },
);
