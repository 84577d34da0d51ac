import { fieldSource } from "@/server/http/body";
import { drfRoute, json, pathId } from "@/server/http/route";
import { getUser } from "@/server/users/get-user";
import { updateUser } from "@/server/users/update-user";
import { serializeUser } from "@/server/users/user-fields";

export const dynamic = "force-dynamic";

type Params = { id: string };

const ADMIN = "admin" as const;

/** One user (admins only). Users are deactivated, not deleted: their jobs keep pointing at them. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>(
  {
    GET: async ({ ctx, params }) => json(serializeUser(await getUser(ctx.db, pathId(params.id)))),
    PATCH: async ({ ctx, user, params, body }) => json(serializeUser(await updateUser(ctx.db, user, pathId(params.id), fieldSource(await body())))),
  },
  { roles: { GET: ADMIN, POST: ADMIN, PUT: ADMIN, PATCH: ADMIN, DELETE: ADMIN } },
);
