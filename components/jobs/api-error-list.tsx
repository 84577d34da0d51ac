"use client";

import { useI18n } from "../i18n/i18n-provider";

/** DRF validation errors as "field: message" lines, field names in the page's language. */
export function ApiErrorList({ errors }: { errors: Record<string, string[]> }) {
  const { t } = useI18n();
  const labels: Record<string, string | undefined> = t.fields;
  return (
    <ul className="mt-1 list-disc space-y-0.5 pl-5">
      {Object.entries(errors).flatMap(([key, msgs]) =>
        msgs.map((m, i) => <li key={`${key}-${i}`}>{key === "non_field_errors" ? m : `${labels[key] ?? key}: ${m}`}</li>),
      )}
    </ul>
  );
}

/** Errors no field of the form shows, under a heading saying what failed; nothing when none. */
export function FormErrorsAlert({ title, errors }: { title: string; errors: Record<string, string[]> }) {
  if (Object.keys(errors).length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">{title}</p>
      <ApiErrorList errors={errors} />
    </div>
  );
}
