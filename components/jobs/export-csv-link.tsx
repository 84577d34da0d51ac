"use client";

import { historyCsvHref, type HistorySearch } from "@/lib/jobs/history-search";
import { buttonClass } from "../ui/button";
import { useClock } from "../clock/use-clock";
import { useI18n } from "../i18n/i18n-provider";

/** Downloads every job the history's filters match, as the list API's CSV, times in the user's zone. */
export function ExportCsvLink({ search }: { search: HistorySearch }) {
  const { t } = useI18n();
  // a browser-zone user's zone is named once in the browser: the server does not know it
  const timeZone = useClock().zone ?? undefined;
  return (
    <a href={historyCsvHref(search, timeZone)} download title={t.history.exportCsvHint} className={buttonClass("secondary")}>
      <span aria-hidden>⤓</span> {t.history.exportCsv}
    </a>
  );
}
