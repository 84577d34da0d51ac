"use client";

import { ROLES, type Role } from "@/lib/auth/roles";
import { inputClass } from "../ui/form-field";
import { Field } from "../catalog/form/field";
import { useI18n } from "../i18n/i18n-provider";

/** The three roles by name, with what the chosen one may do underneath. */
export function RoleSelect({ value, onChange, errors }: { value: Role; onChange: (r: Role) => void; errors?: string[] }) {
  const { t } = useI18n();
  return (
    <Field label={t.users.role} errors={errors} hint={t.roleHints[value]}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value as Role)} className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t.roles[r]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
