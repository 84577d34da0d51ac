"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { changePassword } from "@/lib/auth/auth-api";
import { HttpError, type FieldErrors } from "@/lib/api/http";
import { Panel } from "../jobs/job-field-list";
import { Button } from "../ui/button";
import { inputClass } from "../ui/form-field";
import { Field } from "../catalog/form/field";
import { useI18n } from "../i18n/i18n-provider";
import { ME_KEY } from "../auth/use-permissions";

// the server's rules (server/users/password-rules.ts), said before the user types
const MIN_LENGTH = 8;
const EMPTY = { old: "", next: "", confirm: "" };

/** Old, new and again: a mismatch is caught here, the rest (wrong old password, too short, too common, …) by the server, per field. */
export function PasswordForm({ username }: { username: string }) {
  const { t } = useI18n();
  const p = t.password;
  const client = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: () => changePassword(values.old, values.next),
    onSuccess: () => {
      setValues(EMPTY);
      setDone(true);
      void client.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (e) => {
      if (e instanceof HttpError && e.fieldErrors) setErrors({ old: e.fieldErrors.old_password ?? [], next: e.fieldErrors.new_password ?? [] });
      else setErrors({ form: [e instanceof HttpError && e.status === 429 ? t.login.throttled(e.retryAfter) : e.message] });
    },
  });
  const set = (key: keyof typeof EMPTY, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _, form: __, ...rest }) => rest);
    setDone(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (values.next !== values.confirm) return setErrors({ confirm: [p.mismatch] });
    change.mutate();
  };

  return (
    <Panel title={p.title}>
      <form noValidate onSubmit={submit} className="max-w-md space-y-3">
        {/* the browser's password manager ties the new password to this account */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <Field label={p.old} errors={errors.old}>
          {(f) => (
            <input
              {...f}
              type="password"
              value={values.old}
              onChange={(e) => set("old", e.target.value)}
              className={inputClass}
              autoComplete="current-password"
            />
          )}
        </Field>
        <Field label={p.new} errors={errors.next} hint={p.newHint(MIN_LENGTH)}>
          {(f) => (
            <input
              {...f}
              type="password"
              value={values.next}
              onChange={(e) => set("next", e.target.value)}
              className={inputClass}
              autoComplete="new-password"
            />
          )}
        </Field>
        <Field label={p.confirm} errors={errors.confirm}>
          {(f) => (
            <input
              {...f}
              type="password"
              value={values.confirm}
              onChange={(e) => set("confirm", e.target.value)}
              className={inputClass}
              autoComplete="new-password"
            />
          )}
        </Field>
        {errors.form && (
          <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800">
            {p.failed}: {errors.form.join(" ")}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={change.isPending}>
            {change.isPending ? p.submitting : p.submit}
          </Button>
          <p role="status" className="text-sm text-green-800">
            {done ? p.changed : ""}
          </p>
        </div>
      </form>
    </Panel>
  );
}
