"use client";

import type { FieldErrors } from "@/lib/api/http";

/**
 * The API's errors that have no field on screen (`non_field_errors`, a key the form
 * does not show), as "label: message" lines.
 */
export function ErrorSummary({
  title,
  errors,
  shown,
  labels,
}: {
  title: string;
  errors: FieldErrors;
  shown: readonly string[];
  labels: Record<string, string>;
}) {
  const rest = Object.entries(errors).filter(([k]) => !shown.includes(k));
  if (rest.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {rest.flatMap(([key, msgs]) => msgs.map((m, i) => <li key={`${key}-${i}`}>{key === "non_field_errors" ? m : `${labels[key] ?? key}: ${m}`}</li>))}
      </ul>
    </div>
  );
}
