import { redirect } from "next/navigation";
import { JobHistory } from "@/components/jobs/job-history";
import { invalidHistoryKeys } from "@/lib/jobs/history-search";
import { pageTitle } from "@/server/i18n/page-metadata";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageTitle(({ t }) => t.history.title);

type SearchParams = Record<string, string | string[] | undefined>;

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  // Nonsense in the URL (?state=bogus&page=-3) is dropped, not an error page.
  const invalid = invalidHistoryKeys(raw);
  if (invalid.length) {
    const kept = new URLSearchParams();
    for (const [k, v] of Object.entries(raw)) {
      if (invalid.includes(k) || v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) kept.append(k, one);
    }
    const qs = kept.toString();
    redirect(qs ? `/jobs?${qs}` : "/jobs");
  }
  return <JobHistory />;
}
