"use client";

import { useId, useMemo } from "react";
import { inputClass } from "../../ui/form-field";
import { useIsClient } from "../../ui/use-is-client";
import { Field } from "../form/field";
import { useCatalogText } from "../use-catalog-text";

/** A typed IANA zone with the browser's zones as suggestions (listed after hydration: the server's list may differ). */
export function TimezoneField({ value, onChange, errors }: { value: string; onChange: (v: string) => void; errors?: string[] }) {
  const { c } = useCatalogText();
  const listId = useId();
  const isClient = useIsClient();
  const zones = useMemo(() => (isClient && typeof Intl.supportedValuesOf === "function" ? ["UTC", ...Intl.supportedValuesOf("timeZone")] : []), [isClient]);
  return (
    <Field label={c.schedules.timezone} errors={errors} hint={c.schedules.timezoneHint}>
      {(p) => (
        <>
          <input {...p} list={listId} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} spellCheck={false} autoComplete="off" />
          <datalist id={listId}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
