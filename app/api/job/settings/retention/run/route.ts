import { fieldSource } from "@/server/http/body";
import { drfRoute, json } from "@/server/http/route";
import { runRetentionRequest } from "@/server/retention/run-retention-request";

export const dynamic = "force-dynamic";

/** Admins: a dry run (`{"dry_run": true}`) or the cleanup now. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute(
  {
    POST: async ({ ctx, body }) => json(await runRetentionRequest(ctx.db, fieldSource(await body()))),
  },
  { roles: { POST: "admin" } },
);
