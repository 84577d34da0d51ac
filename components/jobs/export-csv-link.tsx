"use client";

import { historyCsvHref, type HistorySearch } from "@/lib/jobs/history-search";
import { buttonClass } from "../ui/button";
import { useIsClient } from "../ui/local-time";
import { useI18n } from "../i18n/i18n-provider";

/** Downloads every job the history's filters match, as the list API's CSV, times in the browser's zone. */
export function ExportCsvLink({ search }: { search: HistorySearch }) {
  const { t } = useI18n();
  // the server does not know the viewer's zone: the link names it once in the browser
  const timeZone = useIsClient() ? Intl.DateTimeFormat().resolvedOptions().timeZone : undefined;
  return (
    <a href={historyCsvHref(search, timeZone)} download title={t.history.exportCsvHint} className={buttonClass("secondary")}>
      <span aria-hidden>⤓</span> {t.history.exportCsv}
    </a>
  );
}
