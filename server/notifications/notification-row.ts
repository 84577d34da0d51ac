import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications, templates } from "@/db/schema";
import { ENCRYPTED } from "@/lib/contracts/credential";
import { DEFAULT_EVENTS, URL_KINDS, type NotificationKind } from "@/lib/contracts/notification";
import { msg } from "@/lib/drf/messages";
import { addError, type FieldErrors } from "@/lib/drf/serializer";
import { notificationMessages } from "@/lib/notifications/messages";
import type { SecretBox } from "@/core/crypto/secret-box";
import type { NOTIFICATION_FIELDS } from "./notification-fields";

export type NotificationRow = typeof notifications.$inferSelect;
type NotificationInsert = typeof notifications.$inferInsert;
type Values = { [K in keyof typeof NOTIFICATION_FIELDS]?: unknown };

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** What a create starts from: the defaults of the columns a body may leave out. */
const CREATE_DEFAULTS = {
  enabled: true,
  events: DEFAULT_EVENTS,
  allTemplates: true,
  templateIds: [] as number[],
  url: "",
  smtpHost: "",
  smtpPort: 587,
  smtpTls: "starttls",
  smtpFrom: "",
  smtpTo: [] as string[],
};

/**
 * The columns a create (`current` undefined) or an update writes, its secrets sealed. What
 * a kind needs is checked on the result — the stored row with the body's changes — so a
 * PATCH of the kind alone is refused when the other kind's settings are missing.
 */
export async function notificationColumns(
  db: Db,
  box: SecretBox,
  v: Values,
  current: NotificationRow | undefined,
  errors: FieldErrors,
): Promise<Partial<NotificationInsert>> {
  const out: Partial<NotificationInsert> = {};
  const set = <K extends keyof NotificationInsert>(key: K, value: unknown) => {
    if (value != null) out[key] = value as NotificationInsert[K];
  };
  set("name", v.name);
  set("description", v.description);
  set("kind", v.kind);
  set("enabled", v.enabled);
  set("events", v.events);
  set("allTemplates", v.all_templates);
  set("templateIds", Array.isArray(v.templates) ? [...new Set(v.templates as number[])] : undefined);
  set("url", v.url);
  set("smtpHost", v.smtp_host);
  set("smtpPort", v.smtp_port);
  set("smtpTls", v.smtp_tls);
  set("smtpUsername", v.smtp_username);
  set("smtpFrom", v.smtp_from);
  set("smtpTo", v.smtp_to);
  if (typeof v.secret === "string" && v.secret !== ENCRYPTED) out.secret = box.seal(v.secret);
  if (typeof v.smtp_password === "string" && v.smtp_password !== ENCRYPTED) out.smtpPassword = box.seal(v.smtp_password);

  const after = { ...CREATE_DEFAULTS, ...current, ...out };
  const kind = after.kind as NotificationKind | undefined;
  if (kind && !errors.kind && URL_KINDS.includes(kind) && !errors.url) {
    if (after.url === "") addError(errors, "url", notificationMessages.urlRequired);
    else if (!isHttpUrl(after.url)) addError(errors, "url", msg.invalidUrl);
  }
  if (kind === "email") {
    if (after.smtpHost === "" && !errors.smtp_host) addError(errors, "smtp_host", notificationMessages.smtpHostRequired);
    if (!errors.smtp_from) {
      if (after.smtpFrom === "") addError(errors, "smtp_from", notificationMessages.smtpFromRequired);
      else if (!EMAIL.test(after.smtpFrom)) addError(errors, "smtp_from", msg.invalidEmail);
    }
    if (!errors.smtp_to) {
      if (after.smtpTo.length === 0) addError(errors, "smtp_to", notificationMessages.smtpToRequired);
      const bad = after.smtpTo.find((a) => !EMAIL.test(a));
      if (bad !== undefined) addError(errors, "smtp_to", notificationMessages.badRecipient(bad));
    }
  }
  if (!errors.templates && !errors.all_templates) {
    if (!after.allTemplates && after.templateIds.length === 0) addError(errors, "templates", notificationMessages.templatesRequired);
    if (out.templateIds?.length) {
      const found = new Set((await db.select({ id: templates.id }).from(templates).where(inArray(templates.id, out.templateIds))).map((t) => t.id));
      for (const id of out.templateIds) if (!found.has(id)) addError(errors, "templates", msg.pkDoesNotExist(id));
    }
  }
  return out;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}
