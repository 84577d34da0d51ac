import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { JobHistory } from "@/components/jobs/job-history";
import { invalidHistoryKeys, loadHistorySearch } from "@/lib/jobs/history-search";
import { isPhoneAgent } from "@/lib/layout/phone-agent";
import { isTimeZone } from "@/lib/schedules/cron";
import { readPageMe, requirePageUser } from "@/server/auth/page-user";
import { pageTitle } from "@/server/i18n/page-metadata";
import { prefetchHistory } from "@/server/jobs/prefetch-history";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageTitle(({ t }) => t.history.title);

type SearchParams = Record<string, string | string[] | undefined>;

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  // Nonsense in the URL (?state=bogus&page=-3) is dropped, not an error page.
  const invalid = invalidHistoryKeys(raw);
  const kept = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) {
    if (invalid.includes(k) || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) kept.append(k, one);
  }
  const qs = kept.toString();
  if (invalid.length) redirect(qs ? `/jobs?${qs}` : "/jobs");
  await requirePageUser(qs ? `/jobs?${qs}` : "/jobs");
  // the first page is read here, so its rows are in the HTML (the browser then keeps it live)
  const client = new QueryClient();
  // the zone the browser's clock will use when the user chose one (components/clock/use-clock.ts)
  const zone = (await readPageMe())?.time_zone ?? null;
  await prefetchHistory(client, loadHistorySearch(kept), zone && isTimeZone(zone) ? zone : null);
  // the rows as a table or as phone cards, not both (the browser then follows its width)
  const request = await headers();
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <JobHistory wideGuess={!isPhoneAgent((name) => request.get(name))} />
    </HydrationBoundary>
  );
}
