"use client";

import { useState, type FormEvent } from "react";
import type { NewTokenRecord } from "@/lib/auth/user-records";
import { Button } from "../ui/button";
import { NumberInput, inputClass } from "../ui/form-field";
import { Field } from "../catalog/form/field";
import { ErrorSummary } from "../catalog/form/error-summary";
import { toFieldErrors } from "../catalog/form/use-form-state";
import { useI18n } from "../i18n/i18n-provider";
import { useCreateToken } from "./use-token-queries";

/** A name and, if it should expire, a number of days; the created token (with its key) goes to `onCreated`. */
export function TokenCreateForm({ onCreated }: { onCreated: (token: NewTokenRecord) => void }) {
  const { t } = useI18n();
  const k = t.tokens;
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const create = useCreateToken();
  const errors = create.isError ? toFieldErrors(create.error) : {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), expiresInDays: days.trim() || null },
      {
        onSuccess: (token) => {
          setName("");
          setDays("");
          onCreated(token);
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label={k.new} className="space-y-3 rounded-md border border-slate-200 bg-slate-50/60 p-3">
      <h3 className="text-sm font-semibold text-slate-800">{k.new}</h3>
      <ErrorSummary title={k.createFailed} errors={errors} shown={["name", "expires_in_days"]} labels={{}} />
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_auto]">
        <Field label={k.name} required errors={errors.name}>
          {(p) => (
            <input
              {...p}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={k.namePlaceholder}
              maxLength={100}
              className={inputClass}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label={k.expiresInDays} errors={errors.expires_in_days} hint={k.expiresHint}>
          {(p) => <NumberInput field={p} min={1} max={3650} value={days} onChange={setDays} />}
        </Field>
        <Button type="submit" variant="primary" className="sm:mt-5" disabled={create.isPending}>
          {create.isPending ? k.creating : k.create}
        </Button>
      </div>
    </form>
  );
}
