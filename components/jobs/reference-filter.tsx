"use client";

import { useDeferredValue, useState } from "react";
import { isNotFound } from "@/lib/api/http";
import type { ReferenceKind } from "@/lib/jobs/job-api";
import { Combobox } from "../ui/combobox";
import { useI18n } from "../i18n/i18n-provider";
import { useReferenceName, useReferenceSearch } from "./use-job-queries";

type Props = {
  kind: ReferenceKind;
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  /** the name jobs on screen recorded for the selected id (used when the object is gone) */
  recordedName: string | null;
};

/** A history filter on a referenced object, searchable through that object's list API. */
export function ReferenceFilter({ kind, label, value, onChange, recordedName }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState<string | null>(null);
  const deferred = useDeferredValue(search);
  const options = useReferenceSearch(kind, deferred ?? "", deferred !== null);
  const current = useReferenceName(kind, value);
  const failed = options.isError && !isNotFound(options.error);

  return (
    <Combobox
      label={label}
      value={value}
      valueLabel={current.data ?? recordedName}
      onChange={onChange}
      onSearch={(text) => setSearch(text)}
      options={options.data?.results ?? []}
      status={options.isPending && deferred !== null ? "loading" : options.isError ? "error" : "ready"}
      statusText={{
        empty: t.combobox.noOptions,
        error: failed ? t.combobox.failed : t.combobox.unavailable,
        loading: t.loading,
        placeholder: t.combobox.placeholder,
        any: t.filters.any,
        clear: t.combobox.clear(label),
      }}
    />
  );
}
