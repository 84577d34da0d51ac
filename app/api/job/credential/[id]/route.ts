import { fieldSource } from "@/server/http/body";
import { secretBox } from "@/core/crypto/secret-box";
import { drfRoute, json, noContent, pathId } from "@/server/http/route";
import { deleteCredential } from "@/server/credentials/delete-credential";
import { getCredential } from "@/server/credentials/get-credential";
import { serializeCredential } from "@/server/credentials/serialize-credential";
import { updateCredential } from "@/server/credentials/update-credential";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>({
  GET: async ({ ctx, params }) => json(serializeCredential(await getCredential(ctx.db, pathId(params.id)))),
  PUT: async ({ ctx, params, body }) =>
    json(serializeCredential(await updateCredential(ctx.db, secretBox(ctx.config), pathId(params.id), fieldSource(await body()), { partial: false }))),
  PATCH: async ({ ctx, params, body }) =>
    json(serializeCredential(await updateCredential(ctx.db, secretBox(ctx.config), pathId(params.id), fieldSource(await body()), { partial: true }))),
  DELETE: async ({ ctx, params }) => {
    await deleteCredential(ctx.db, pathId(params.id));
    return noContent();
  },
});
