import { NotFound } from "@/core/errors";
import { publicRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

const notFound = async (): Promise<Response> => {
  throw new NotFound();
};

/** Unknown API paths answer DRF's JSON 404, not an HTML page. */
export const { GET, POST, PUT, PATCH, DELETE } = publicRoute({ GET: notFound, POST: notFound, PUT: notFound, PATCH: notFound, DELETE: notFound });
