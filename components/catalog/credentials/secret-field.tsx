"use client";

import { ENCRYPTED } from "@/lib/catalog/catalog-records";
import { Button } from "../../ui/button";
import { inputClass } from "../../ui/form-field";
import { Field, textareaClass } from "../form/field";
import { useCatalogText } from "../use-catalog-text";

/** A write-only secret as the form holds it: kept as stored, replaced by `text`, or cleared. */
export type Secret = { mode: "keep" | "replace" | "clear"; text: string };
export const KEEP: Secret = { mode: "keep", text: "" };

/** What the API is sent: "$encrypted$" keeps a stored secret, so it never travels back. */
export function secretBody(s: Secret, isSet: boolean): string {
  if (s.mode === "replace") return s.text;
  if (s.mode === "clear") return "";
  return isSet ? ENCRYPTED : "";
}

type Props = { label: string; isSet: boolean; value: Secret; onChange: (s: Secret) => void; errors?: string[]; hint?: string; multiline?: boolean };

/**
 * The stored value is never shown (the API does not send it): a set secret shows
 * "已设置", an empty control keeps it, typing replaces it, a button clears it.
 */
export function SecretField({ label, isSet, value, onChange, errors, hint, multiline }: Props) {
  const { c } = useCatalogText();
  const clearing = value.mode === "clear";
  const badge = clearing ? (
    <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900 ring-1 ring-amber-300 ring-inset">{c.credentials.cleared}</span>
  ) : isSet ? (
    <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs text-green-800 ring-1 ring-green-300 ring-inset">{c.credentials.isSet}</span>
  ) : null;
  const change = (text: string) => onChange(text === "" ? KEEP : { mode: "replace", text });
  const placeholder = isSet && !clearing ? c.credentials.keepHint : undefined;

  return (
    <Field label={label} errors={errors} hint={hint} badge={badge} className={multiline ? "md:col-span-2" : ""}>
      {(p) => (
        <div className="flex items-start gap-2">
          {multiline ? (
            <textarea
              {...p}
              rows={4}
              spellCheck={false}
              autoComplete="off"
              value={value.text}
              placeholder={placeholder}
              disabled={clearing}
              onChange={(e) => change(e.target.value)}
              className={`${textareaClass} [-webkit-text-security:disc] placeholder:[-webkit-text-security:none]`}
            />
          ) : (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={value.text}
              placeholder={placeholder}
              disabled={clearing}
              onChange={(e) => change(e.target.value)}
              className={inputClass}
            />
          )}
          {isSet && (
            <Button variant="ghost" className="shrink-0" onClick={() => onChange(clearing ? KEEP : { mode: "clear", text: "" })}>
              {clearing ? c.credentials.undoClear : c.credentials.clear(label)}
            </Button>
          )}
        </div>
      )}
    </Field>
  );
}
