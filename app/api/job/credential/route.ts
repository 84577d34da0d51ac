import { envelope } from "@/server/drf/pagination";
import { fieldSource } from "@/server/http/body";
import { secretBox } from "@/core/crypto/secret-box";
import { drfRoute, json } from "@/server/http/route";
import { createCredential } from "@/server/credentials/create-credential";
import { listCredentials } from "@/server/credentials/list-credentials";
import { serializeCredential } from "@/server/credentials/serialize-credential";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ url, ctx }) => {
    const { page, count, rows } = await listCredentials(ctx.db, url);
    return json(envelope(url, page, count, rows.map(serializeCredential)));
  },
  POST: async ({ ctx, body }) => json(serializeCredential(await createCredential(ctx.db, secretBox(ctx.config), fieldSource(await body()))), 201),
});
