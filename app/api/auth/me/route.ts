import { drfRoute, json } from "@/server/http/route";
import { getUser } from "@/server/users/get-user";
import { serializeUser } from "@/server/users/user-fields";

export const dynamic = "force-dynamic";

/** The caller: who they are and their role (the UI hides what the role may not do). */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ ctx, user }) => json({ ...serializeUser(await getUser(ctx.db, user.id)), auth: user.via }),
});
