"use client";

import { BECOME_METHODS, ENCRYPTED, type CredentialRecord } from "@/lib/catalog/catalog-records";
import { inputClass } from "../../ui/form-field";
import { ErrorSummary } from "../form/error-summary";
import { Field } from "../form/field";
import { FormFooter } from "../form/form-footer";
import { FormSection } from "../form/form-section";
import { useCatalogForm } from "../form/use-catalog-form";
import { useCatalogText } from "../use-catalog-text";
import { KEEP, SecretField, secretBody, type Secret } from "./secret-field";

const FIELDS = ["name", "description", "username", "password", "ssh_key", "become_method", "become_user", "become_password"] as const;
const SECRETS = ["password", "ssh_key", "become_password"] as const;
type SecretKey = (typeof SECRETS)[number];

type Values = { name: string; description: string; username: string; become_method: string; become_user: string } & Record<SecretKey, Secret>;

const valuesOf = (r?: CredentialRecord): Values => ({
  name: r?.name ?? "",
  description: r?.description ?? "",
  username: r?.username ?? "",
  become_method: r?.become_method ?? "sudo",
  become_user: r?.become_user ?? "",
  password: KEEP,
  ssh_key: KEEP,
  become_password: KEEP,
});

export function CredentialForm({ credential }: { credential?: CredentialRecord }) {
  const { c } = useCatalogText();
  const { form, save, notice, submit } = useCatalogForm("credential", credential, valuesOf(credential), valuesOf, "/credentials");
  const { values: v, set, errors } = form;
  const isSet = (k: SecretKey) => credential?.[k] === ENCRYPTED;
  const labels = {
    name: c.common.name,
    description: c.common.description,
    username: c.credentials.username,
    password: c.credentials.password,
    ssh_key: c.credentials.sshKey,
    become_method: c.credentials.becomeMethod,
    become_user: c.credentials.becomeUser,
    become_password: c.credentials.becomePassword,
  };

  const bodyOf = (): Record<string, unknown> => {
    const body: Record<string, unknown> = {
      name: v.name,
      description: v.description,
      username: v.username,
      become_method: v.become_method,
      become_user: v.become_user,
    };
    for (const k of SECRETS) body[k] = secretBody(v[k], isSet(k));
    return body;
  };

  return (
    <form noValidate onSubmit={submit(bodyOf)} className="space-y-4" autoComplete="off">
      <ErrorSummary title={c.common.saveFailed} errors={errors} shown={FIELDS} labels={labels} />
      <FormSection title={c.common.settings}>
        <Field label={c.common.name} required errors={errors.name}>
          {(p) => <input {...p} value={v.name} onChange={(e) => set("name", e.target.value)} className={inputClass} autoComplete="off" />}
        </Field>
        <Field label={c.common.description} errors={errors.description}>
          {(p) => <input {...p} value={v.description} onChange={(e) => set("description", e.target.value)} className={inputClass} />}
        </Field>
        <Field label={c.credentials.username} errors={errors.username}>
          {(p) => (
            <input {...p} value={v.username} onChange={(e) => set("username", e.target.value)} className={inputClass} autoComplete="off" spellCheck={false} />
          )}
        </Field>
        <SecretField
          label={c.credentials.password}
          isSet={isSet("password")}
          value={v.password}
          onChange={(s) => set("password", s)}
          errors={errors.password}
        />
        <SecretField
          label={c.credentials.sshKey}
          isSet={isSet("ssh_key")}
          value={v.ssh_key}
          onChange={(s) => set("ssh_key", s)}
          errors={errors.ssh_key}
          hint={c.credentials.sshKeyHint}
          multiline
        />
        <Field label={c.credentials.becomeMethod} errors={errors.become_method}>
          {(p) => (
            <select {...p} value={v.become_method} onChange={(e) => set("become_method", e.target.value)} className={inputClass}>
              {BECOME_METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={c.credentials.becomeUser} errors={errors.become_user} hint={c.credentials.becomeUserHint}>
          {(p) => (
            <input
              {...p}
              value={v.become_user}
              onChange={(e) => set("become_user", e.target.value)}
              className={inputClass}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <SecretField
          label={c.credentials.becomePassword}
          isSet={isSet("become_password")}
          value={v.become_password}
          onChange={(s) => set("become_password", s)}
          errors={errors.become_password}
        />
      </FormSection>
      <FormFooter isNew={!credential} pending={save.isPending} notice={notice} listHref="/credentials" />
    </form>
  );
}
