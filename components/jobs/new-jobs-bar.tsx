"use client";

import { useI18n } from "../i18n/i18n-provider";

/** Jobs that match the filters came in while the user was elsewhere than the top of page 1: one click shows them. */
export function NewJobsBar({ count, onShow }: { count: number; onShow: () => void }) {
  const { t } = useI18n();
  return (
    <div role="status" className="sticky top-2 z-10 flex justify-center">
      <button
        type="button"
        onClick={onShow}
        className="rounded-full bg-blue-700 px-4 py-1.5 text-sm font-medium text-white shadow-md hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        {t.history.newJobs(count)}
      </button>
    </div>
  );
}
