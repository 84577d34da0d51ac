"use client";

import { useState, type FormEvent } from "react";
import type { Role } from "@/lib/auth/roles";
import type { UserRecord } from "@/lib/auth/user-records";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { inputClass } from "../ui/form-field";
import { ErrorSummary } from "../catalog/form/error-summary";
import { Field } from "../catalog/form/field";
import { useFormState } from "../catalog/form/use-form-state";
import { useI18n } from "../i18n/i18n-provider";
import { RoleSelect } from "./role-select";
import { useCreateUser } from "./use-user-queries";

const FIELDS = ["username", "display_name", "role", "password"] as const;
const EMPTY = { username: "", display_name: "", role: "viewer" as Role, password: "" };

/** A button that opens the new-user form: username, display name, role, initial password. */
export function UserCreateDialog({ onCreated }: { onCreated: (user: UserRecord) => void }) {
  const { t } = useI18n();
  const u = t.users;
  const [open, setOpen] = useState(false);
  const form = useFormState(EMPTY);
  const create = useCreateUser();
  const { values: v, set, errors } = form;
  const close = () => {
    setOpen(false);
    form.reset(EMPTY);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { ...v, username: v.username.trim(), display_name: v.display_name.trim() },
      { onSuccess: (user) => (close(), onCreated(user)), onError: form.fail },
    );
  };

  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        + {u.new}
      </Button>
      <Dialog open={open} onClose={close} title={u.new}>
        <form noValidate onSubmit={submit} className="space-y-3" autoComplete="off">
          <ErrorSummary title={u.saveFailed} errors={errors} shown={FIELDS} labels={{}} />
          <Field label={u.username} required errors={errors.username}>
            {(p) => (
              <input
                {...p}
                value={v.username}
                onChange={(e) => set("username", e.target.value)}
                className={inputClass}
                autoCapitalize="none"
                spellCheck={false}
                autoComplete="off"
              />
            )}
          </Field>
          <Field label={u.displayName} errors={errors.display_name} hint={u.displayNameHint}>
            {(p) => <input {...p} value={v.display_name} onChange={(e) => set("display_name", e.target.value)} className={inputClass} />}
          </Field>
          <RoleSelect value={v.role} onChange={(r) => set("role", r)} errors={errors.role} />
          <Field label={u.password} required errors={errors.password} hint={t.password.newHint(8)}>
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
            <Button onClick={close}>{u.cancel}</Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {create.isPending ? u.creating : u.create}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
