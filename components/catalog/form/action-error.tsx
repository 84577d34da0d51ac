"use client";

import type { FieldErrors } from "@/lib/api/http";
import { ErrorSummary } from "./error-summary";
import { useCatalogText } from "../use-catalog-text";

/** The refusal of an action on a saved object (launch, run now), field names in the page's language. */
export function ActionError({ title, errors }: { title: string; errors: FieldErrors | null }) {
  const { t } = useCatalogText();
  if (!errors) return null;
  return <ErrorSummary title={title} errors={errors} shown={[]} labels={t.fields} />;
}
