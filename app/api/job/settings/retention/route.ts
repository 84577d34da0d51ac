import { fieldSource } from "@/server/http/body";
import { drfRoute, json } from "@/server/http/route";
import { readRetentionSettings } from "@/core/retention/retention-settings";
import { serializeRetention } from "@/server/retention/serialize-retention";
import { updateRetention } from "@/server/retention/update-retention";

export const dynamic = "force-dynamic";

/** The retention policy: everyone signed in reads it, admins change it. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute(
  {
    GET: async ({ ctx }) => json(serializeRetention(await readRetentionSettings(ctx.db))),
    PUT: async ({ ctx, body }) => json(serializeRetention(await updateRetention(ctx.db, fieldSource(await body())))),
    PATCH: async ({ ctx, body }) => json(serializeRetention(await updateRetention(ctx.db, fieldSource(await body())))),
  },
  { roles: { PUT: "admin", PATCH: "admin" } },
);
