"use client";

import { useI18n } from "../i18n/i18n-provider";
import { Button } from "./button";

/** A failed load: what failed, why (the API's `detail` when it gave one), and a retry. */
export function ErrorState({ title, error, onRetry, retrying }: { title: string; error: unknown; onRetry: () => void; retrying?: boolean }) {
  const { t } = useI18n();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="flex flex-col items-start gap-3 rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <div>
        <p className="font-medium">{title}</p>
        <p className="mt-1 break-all text-red-800">{detail}</p>
      </div>
      <Button onClick={onRetry} disabled={retrying}>
        {t.retry}
      </Button>
    </div>
  );
}
