import { NotFound } from "@/server/http/errors";
import { drfRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

const notFound = async (): Promise<Response> => {
  throw new NotFound();
};

/** Unknown API paths answer DRF's JSON 404, not an HTML page. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({ GET: notFound, POST: notFound, PUT: notFound, PATCH: notFound, DELETE: notFound });
