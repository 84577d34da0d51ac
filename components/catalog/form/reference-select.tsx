"use client";

import { useDeferredValue, useId, useState } from "react";
import { isNotFound } from "@/lib/api/http";
import type { ReferenceKind } from "@/lib/jobs/job-api";
import { Combobox } from "../../ui/combobox";
import { useReferenceName, useReferenceSearch } from "../../jobs/use-job-queries";
import { useCatalogText } from "../use-catalog-text";

type Props = {
  kind: ReferenceKind;
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  /** the name the record holds for the id (shown when the object is gone) */
  knownName?: string | null;
  errors?: string[];
  required?: boolean;
};

/** A form's choice of a referenced object, searchable through that object's list API. */
export function ReferenceSelect({ kind, label, value, onChange, knownName = null, errors, required }: Props) {
  const { t, c } = useCatalogText();
  const errId = useId();
  const [search, setSearch] = useState<string | null>(null);
  const deferred = useDeferredValue(search);
  const options = useReferenceSearch(kind, deferred ?? "", deferred !== null);
  const current = useReferenceName(kind, value);
  const invalid = !!errors?.length;

  return (
    <div className="min-w-0">
      <Combobox
        label={label}
        value={value}
        valueLabel={current.data ?? knownName}
        onChange={onChange}
        onSearch={(text) => setSearch(text)}
        options={options.data?.results ?? []}
        status={options.isPending && deferred !== null ? "loading" : options.isError ? "error" : "ready"}
        statusText={{
          empty: t.combobox.noOptions,
          error: options.isError && !isNotFound(options.error) ? t.combobox.failed : t.combobox.unavailable,
          loading: t.loading,
          placeholder: t.combobox.placeholder,
          any: required ? c.common.choose : c.common.none,
          clear: t.combobox.clear(label),
        }}
        required={required}
        invalid={invalid}
        describedBy={invalid ? errId : undefined}
      />
      {invalid && (
        <p id={errId} className="mt-1 text-xs text-red-700">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
