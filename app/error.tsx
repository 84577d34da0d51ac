"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { ErrorState } from "@/components/ui/error-state";

/** A page whose server render failed (e.g. the database is down): say so and offer a retry. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-lg py-12">
      <h1 className="mb-4 text-xl font-semibold">{t.error.title}</h1>
      <ErrorState title={t.error.body} error={error} onRetry={reset} />
    </div>
  );
}
