"use client";

import { useMemo } from "react";
import { ENCRYPTED } from "@/lib/catalog/catalog-records";
import {
  NOTIFICATION_EVENTS,
  NOTIFICATION_KINDS,
  SIGNED_KINDS,
  SMTP_TLS,
  URL_KINDS,
  type NotificationKind,
  type NotificationRecord,
} from "@/lib/contracts/notification";
import { inputClass } from "../../ui/form-field";
import { KEEP, SecretField, secretBody, type Secret } from "../credentials/secret-field";
import { ErrorSummary } from "../form/error-summary";
import { Field, textareaClass } from "../form/field";
import { FormFooter } from "../form/form-footer";
import { FormSection } from "../form/form-section";
import { useCatalogForm } from "../form/use-catalog-form";
import { useCatalogList } from "../use-catalog-queries";
import { useNotificationText } from "./use-notification-text";

/** the fields on screen for every kind, for a URL kind, for email: an error on another shows in the summary */
const COMMON_FIELDS = ["name", "description", "kind", "enabled", "events", "all_templates", "templates"];
const URL_FIELDS = ["url", "secret"];
const SMTP_FIELDS = ["smtp_host", "smtp_port", "smtp_tls", "smtp_username", "smtp_password", "smtp_from", "smtp_to"];

type Values = {
  name: string;
  description: string;
  kind: NotificationKind;
  enabled: boolean;
  events: string[];
  all_templates: boolean;
  templates: number[];
  url: string;
  secret: Secret;
  smtp_host: string;
  smtp_port: string;
  smtp_tls: string;
  smtp_username: string;
  smtp_password: Secret;
  smtp_from: string;
  /** one address a line */
  smtp_to: string;
};

const valuesOf = (r?: NotificationRecord): Values => ({
  name: r?.name ?? "",
  description: r?.description ?? "",
  kind: r?.kind ?? "dingtalk",
  enabled: r?.enabled ?? true,
  events: r?.events ?? ["failed", "error"],
  all_templates: r?.all_templates ?? true,
  templates: r?.templates ?? [],
  url: r?.url ?? "",
  secret: KEEP,
  smtp_host: r?.smtp_host ?? "",
  smtp_port: String(r?.smtp_port ?? 587),
  smtp_tls: r?.smtp_tls ?? "starttls",
  smtp_username: r?.smtp_username ?? "",
  smtp_password: KEEP,
  smtp_from: r?.smtp_from ?? "",
  smtp_to: (r?.smtp_to ?? []).join("\n"),
});

const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

/** The form shows the settings of the chosen kind: a URL (and a signing secret) for the robots and webhooks, SMTP for email. */
export function NotificationForm({ notification }: { notification?: NotificationRecord }) {
  const { c, n } = useNotificationText();
  const { form, save, notice, submit } = useCatalogForm("notification", notification, valuesOf(notification), valuesOf, "/notifications");
  const { values: v, set, errors } = form;
  const templateQuery = useMemo(() => new URLSearchParams({ limit: "1000", ordering: "name" }), []);
  const templates = useCatalogList("template", templateQuery).data?.results ?? [];
  const isUrlKind = URL_KINDS.includes(v.kind);
  const isSet = (k: "secret" | "smtp_password") => notification?.[k] === ENCRYPTED;
  const labels: Record<string, string> = {
    name: c.common.name,
    description: c.common.description,
    kind: n.kind,
    enabled: n.enabled,
    events: n.events,
    all_templates: n.scope,
    templates: n.scope,
    url: n.url,
    secret: n.secret,
    smtp_host: n.smtpHost,
    smtp_port: n.smtpPort,
    smtp_tls: n.smtpTls,
    smtp_username: n.smtpUsername,
    smtp_password: n.smtpPassword,
    smtp_from: n.smtpFrom,
    smtp_to: n.smtpTo,
  };

  const bodyOf = (): Record<string, unknown> => ({
    name: v.name,
    description: v.description,
    kind: v.kind,
    enabled: v.enabled,
    events: NOTIFICATION_EVENTS.filter((e) => v.events.includes(e)),
    all_templates: v.all_templates,
    templates: v.templates,
    url: v.url,
    secret: secretBody(v.secret, isSet("secret")),
    smtp_host: v.smtp_host,
    smtp_port: v.smtp_port,
    smtp_tls: v.smtp_tls,
    smtp_username: v.smtp_username,
    smtp_password: secretBody(v.smtp_password, isSet("smtp_password")),
    smtp_from: v.smtp_from,
    smtp_to: v.smtp_to.split(/[\s,;]+/).filter(Boolean),
  });

  return (
    <form noValidate onSubmit={submit(bodyOf)} className="space-y-4" autoComplete="off">
      <ErrorSummary title={c.common.saveFailed} errors={errors} shown={[...COMMON_FIELDS, ...(isUrlKind ? URL_FIELDS : SMTP_FIELDS)]} labels={labels} />
      <FormSection title={c.common.settings}>
        <Field label={c.common.name} required errors={errors.name}>
          {(p) => <input {...p} value={v.name} onChange={(e) => set("name", e.target.value)} className={inputClass} autoComplete="off" />}
        </Field>
        <Field label={c.common.description} errors={errors.description}>
          {(p) => <input {...p} value={v.description} onChange={(e) => set("description", e.target.value)} className={inputClass} />}
        </Field>
        <Field label={n.kind} required errors={errors.kind}>
          {(p) => (
            <select {...p} value={v.kind} onChange={(e) => set("kind", e.target.value as NotificationKind)} className={inputClass}>
              {NOTIFICATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {n.kinds[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={n.enabled} errors={errors.enabled} hint={n.enabledHint}>
          {(p) => (
            <label className="flex h-9 items-center gap-2 text-sm">
              <input {...p} type="checkbox" checked={v.enabled} onChange={(e) => set("enabled", e.target.checked)} className="size-4" />
              {v.enabled ? n.on : n.off}
            </label>
          )}
        </Field>
        <fieldset className="md:col-span-2" aria-invalid={!!errors.events}>
          <legend className="mb-1 text-xs font-medium text-slate-700">{n.events}</legend>
          <div className="flex flex-wrap gap-4">
            {NOTIFICATION_EVENTS.map((e) => (
              <label key={e} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={v.events.includes(e)}
                  onChange={(x) => set("events", toggle(v.events, e, x.target.checked))}
                />
                {n.eventNames[e]}
              </label>
            ))}
          </div>
          {errors.events && <p className="mt-1 text-xs text-red-700">{errors.events.join(" ")}</p>}
        </fieldset>
        <fieldset className="md:col-span-2">
          <legend className="mb-1 text-xs font-medium text-slate-700">{n.scope}</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-1.5">
              <input type="radio" name="all_templates" checked={v.all_templates} onChange={() => set("all_templates", true)} />
              {n.allTemplates}
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="all_templates" checked={!v.all_templates} onChange={() => set("all_templates", false)} />
              {n.chosenTemplates}
            </label>
          </div>
          {!v.all_templates && (
            <div className="mt-2 max-h-48 overflow-y-auto rounded-md border border-slate-200 p-2">
              {templates.length === 0 && <p className="text-sm text-slate-500">{n.noTemplates}</p>}
              {templates.map((t) => (
                <label key={t.id} className="flex items-center gap-1.5 py-0.5 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={v.templates.includes(t.id)}
                    onChange={(x) => set("templates", toggle(v.templates, t.id, x.target.checked))}
                  />
                  {t.name}
                </label>
              ))}
            </div>
          )}
          {errors.templates && <p className="mt-1 text-xs text-red-700">{errors.templates.join(" ")}</p>}
        </fieldset>
      </FormSection>
      <FormSection title={n.delivery}>
        {isUrlKind ? (
          <>
            <Field label={n.url} required errors={errors.url} hint={n.urlHints[v.kind as keyof typeof n.urlHints]} className="md:col-span-2">
              {(p) => <input {...p} type="url" value={v.url} onChange={(e) => set("url", e.target.value)} className={inputClass} spellCheck={false} />}
            </Field>
            {SIGNED_KINDS.includes(v.kind) && (
              <SecretField
                label={n.secret}
                isSet={isSet("secret")}
                value={v.secret}
                onChange={(s) => set("secret", s)}
                errors={errors.secret}
                hint={n.secretHints[v.kind as keyof typeof n.secretHints]}
              />
            )}
          </>
        ) : (
          <>
            <Field label={n.smtpHost} required errors={errors.smtp_host}>
              {(p) => <input {...p} value={v.smtp_host} onChange={(e) => set("smtp_host", e.target.value)} className={inputClass} spellCheck={false} />}
            </Field>
            <Field label={n.smtpPort} errors={errors.smtp_port}>
              {(p) => <input {...p} inputMode="numeric" value={v.smtp_port} onChange={(e) => set("smtp_port", e.target.value)} className={inputClass} />}
            </Field>
            <Field label={n.smtpTls} errors={errors.smtp_tls}>
              {(p) => (
                <select {...p} value={v.smtp_tls} onChange={(e) => set("smtp_tls", e.target.value)} className={inputClass}>
                  {SMTP_TLS.map((s) => (
                    <option key={s} value={s}>
                      {n.smtpTlsNames[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={n.smtpUsername} errors={errors.smtp_username}>
              {(p) => <input {...p} value={v.smtp_username} onChange={(e) => set("smtp_username", e.target.value)} className={inputClass} autoComplete="off" />}
            </Field>
            <SecretField
              label={n.smtpPassword}
              isSet={isSet("smtp_password")}
              value={v.smtp_password}
              onChange={(s) => set("smtp_password", s)}
              errors={errors.smtp_password}
            />
            <Field label={n.smtpFrom} required errors={errors.smtp_from}>
              {(p) => <input {...p} type="email" value={v.smtp_from} onChange={(e) => set("smtp_from", e.target.value)} className={inputClass} />}
            </Field>
            <Field label={n.smtpTo} required errors={errors.smtp_to} hint={n.smtpToHint} className="md:col-span-2">
              {(p) => (
                <textarea {...p} rows={3} value={v.smtp_to} onChange={(e) => set("smtp_to", e.target.value)} className={textareaClass} spellCheck={false} />
              )}
            </Field>
          </>
        )}
      </FormSection>
      <FormFooter isNew={!notification} pending={save.isPending} notice={notice} listHref="/notifications" />
    </form>
  );
}
