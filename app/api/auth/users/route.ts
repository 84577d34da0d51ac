import { envelope } from "@/server/drf/pagination";
import { fieldSource } from "@/server/http/body";
import { drfRoute, json } from "@/server/http/route";
import { createUser } from "@/server/users/create-user";
import { listUsers } from "@/server/users/list-users";
import { serializeUser } from "@/server/users/user-fields";

export const dynamic = "force-dynamic";

/** Users (admins only). */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute(
  {
    GET: async ({ url, ctx }) => {
      const { page, count, rows } = await listUsers(ctx.db, url);
      return json(envelope(url, page, count, rows.map(serializeUser)));
    },
    POST: async ({ ctx, body }) => json(serializeUser(await createUser(ctx.db, fieldSource(await body()))), 201),
  },
  { roles: { GET: "admin", POST: "admin", PUT: "admin", PATCH: "admin", DELETE: "admin" } },
);
