import { headers } from "next/headers";
import type { QueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/lib/jobs/job-keys";
import { JobPage } from "@/lib/jobs/job-record";
import { historyApiQuery, type HistorySearch } from "@/lib/jobs/history-search";
import { getContext } from "../context";
import { siteOrigin } from "../http/client-address";
import { readJobListPage } from "./read-job-list-page";

/**
 * The history page the browser is about to ask for, read on the server into the page's
 * query cache under the browser's own key, so its first rows are in the HTML. A range
 * (`from`/`to`) is a wall time in the user's zone: read here when the user chose a zone
 * (`timeZone`), left to the browser when they follow the browser's, unknown here.
 */
export async function prefetchHistory(client: QueryClient, search: HistorySearch, timeZone: string | null): Promise<void> {
  if ((search.from || search.to) && !timeZone) return;
  const query = historyApiQuery(search, undefined, timeZone ?? undefined);
  const ctx = await getContext();
  const request = new Request("http://page.invalid/", { headers: await headers() });
  const url = new URL(`/api/job/job/?${query}`, siteOrigin(request, ctx.config));
  const page = JobPage.parse(await readJobListPage(ctx.db, url));
  client.setQueryData(jobKeys.list(query.toString()), page);
}
