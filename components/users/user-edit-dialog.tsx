"use client";

import { useState, type FormEvent } from "react";
import type { UserChange } from "@/lib/auth/user-api";
import type { UserRecord } from "@/lib/auth/user-records";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { inputClass } from "../ui/form-field";
import { ErrorSummary } from "../catalog/form/error-summary";
import { Field } from "../catalog/form/field";
import { useFormState } from "../catalog/form/use-form-state";
import { useI18n } from "../i18n/i18n-provider";
import { RoleSelect } from "./role-select";
import { useUpdateUser } from "./use-user-queries";

const FIELDS = ["display_name", "role", "is_active", "password"] as const;
const valuesOf = (user: UserRecord) => ({ display_name: user.display_name, role: user.role, is_active: user.is_active, password: "" });

/** An "edit" button that opens a user's display name, role, active flag and a password reset; only what changed is sent. */
export function UserEditDialog({ user, onSaved }: { user: UserRecord; onSaved: (user: UserRecord) => void }) {
  const { t } = useI18n();
  const u = t.users;
  const [open, setOpen] = useState(false);
  const form = useFormState(valuesOf(user));
  const update = useUpdateUser();
  const { values: v, set, errors } = form;

  const openDialog = () => {
    form.reset(valuesOf(user));
    setOpen(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: UserChange = {};
    if (v.display_name.trim() !== user.display_name) body.display_name = v.display_name.trim();
    if (v.role !== user.role) body.role = v.role;
    if (v.is_active !== user.is_active) body.is_active = v.is_active;
    if (v.password) body.password = v.password;
    update.mutate({ id: user.id, body }, { onSuccess: (saved) => (setOpen(false), onSaved(saved)), onError: form.fail });
  };

  return (
    <>
      <Button variant="ghost" className="h-8 px-2" aria-label={u.editTitle(user.username)} onClick={openDialog}>
        {u.edit}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={u.editTitle(user.username)}>
        <form noValidate onSubmit={submit} className="space-y-3" autoComplete="off">
          <ErrorSummary title={u.saveFailed} errors={errors} shown={FIELDS} labels={{}} />
          <Field label={u.displayName} errors={errors.display_name} hint={u.displayNameHint}>
            {(p) => <input {...p} value={v.display_name} onChange={(e) => set("display_name", e.target.value)} className={inputClass} />}
          </Field>
          <RoleSelect value={v.role} onChange={(r) => set("role", r)} errors={errors.role} />
          <div>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-blue-700"
                checked={v.is_active}
                onChange={(e) => set("is_active", e.target.checked)}
                aria-describedby="user-active-hint"
              />
              {u.isActive}
            </label>
            <p id="user-active-hint" className="mt-1 text-xs text-slate-500">
              {u.isActiveHint}
            </p>
            {errors.is_active && <p className="mt-1 text-xs text-red-700">{errors.is_active.join(" ")}</p>}
          </div>
          <Field label={u.resetPassword} errors={errors.password} hint={u.resetHint}>
            {(p) => (
              <input
                {...p}
                type="password"
                value={v.password}
                onChange={(e) => set("password", e.target.value)}
                className={inputClass}
                autoComplete="new-password"
              />
            )}
          </Field>
          <div className="flex justify-end gap-2 pt-2">
            <Button onClick={() => setOpen(false)}>{u.cancel}</Button>
            <Button type="submit" variant="primary" disabled={update.isPending}>
              {update.isPending ? u.saving : u.save}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
