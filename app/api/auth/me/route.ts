import { fieldSource } from "@/server/http/body";
import { drfRoute, json } from "@/server/http/route";
import { getUser } from "@/server/users/get-user";
import { updateOwnSettings } from "@/server/users/update-own-settings";
import { serializeUser } from "@/server/users/user-fields";

export const dynamic = "force-dynamic";

/** The caller: who they are and their role (the UI hides what the role may not do); PATCH their time settings. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute(
  {
    GET: async ({ ctx, user }) => json({ ...serializeUser(await getUser(ctx.db, user.id)), auth: user.via }),
    PATCH: async ({ ctx, user, body }) => json({ ...serializeUser(await updateOwnSettings(ctx.db, user.id, fieldSource(await body()))), auth: user.via }),
  },
  { roles: { PATCH: "viewer" } },
);
