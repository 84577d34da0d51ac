import { NewSchedule } from "@/components/catalog/schedules/schedule-pages";
import { parseId } from "@/lib/ids";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ c }) => c.schedules.new);
type SearchParams = Record<string, string | string[] | undefined>;

/** `?template=<id>` starts the form with that template chosen (the template page links here). */
export default async function NewSchedulePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = (await searchParams).template;
  const template = typeof raw === "string" ? (parseId(raw) ?? null) : null;
  return <NewSchedule template={template} />;
}
