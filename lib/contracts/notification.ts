import { z } from "zod";
import { boolean, choice, integer, list, primaryKey, string } from "../drf/fields";
import { DESCRIPTION_FIELD, NAME_FIELD } from "./common-fields";
import { ENCRYPTED } from "./credential";
import { inputSpec, keysWith, recordSchema, serializer, type Contract } from "./define";

/** Where a notification is sent: a generic JSON POST, the three chat robots, or SMTP. */
export const NOTIFICATION_KINDS = ["webhook", "dingtalk", "feishu", "wecom", "email"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** When one fires: a job starts running, or ends in one of its final states. */
export const NOTIFICATION_EVENTS = ["started", "successful", "failed", "error", "canceled"] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** How an SMTP connection is secured: `tls` from the first byte (port 465), `starttls` required, `none`. */
export const SMTP_TLS = ["starttls", "tls", "none"] as const;

/** The kinds posted to a URL (the rest: email). */
export const URL_KINDS: readonly NotificationKind[] = ["webhook", "dingtalk", "feishu", "wecom"];

/** The kinds whose `secret` signs what is sent (webhook: an HMAC header; the robots: their signature). */
export const SIGNED_KINDS: readonly NotificationKind[] = ["webhook", "dingtalk", "feishu"];

/** Until a create says otherwise, a notification fires when a job goes wrong. */
export const DEFAULT_EVENTS: NotificationEvent[] = ["failed", "error"];

const secret = (maxLength: number) =>
  ({ output: z.string(), input: string({ maxLength }), encode: (isSet: boolean) => (isSet ? ENCRYPTED : ""), update: true, writeOnly: true }) as const;

const text = z.string();
const change = { update: true } as const;

/**
 * The notification record, in its key order. Its two secrets (a robot's signing secret,
 * the SMTP password) are write-only and encrypted at rest, as a credential's are; the
 * record says only whether each is set.
 */
export const NOTIFICATION_FIELDS = {
  id: { output: z.number().int(), column: "id", orderable: true },
  name: { output: text, column: "name", input: NAME_FIELD, update: true, orderable: true, searchable: true, filter: "exact" },
  description: { output: text, column: "description", input: DESCRIPTION_FIELD, update: true, orderable: true, searchable: true },
  kind: {
    ...change,
    output: z.enum(NOTIFICATION_KINDS),
    column: "kind",
    input: { ...choice(NOTIFICATION_KINDS), required: true },
    orderable: true,
    filter: "choice",
    added: "`webhook` (a JSON POST), `dingtalk`, `feishu`, `wecom` (their group robots) or `email` (SMTP)",
  },
  enabled: {
    ...change,
    output: z.boolean(),
    column: "enabled",
    input: boolean(),
    orderable: true,
    added: "false: it fires on nothing (the test action still sends)",
  },
  events: {
    ...change,
    output: z.array(z.enum(NOTIFICATION_EVENTS)),
    column: "events",
    input: list(choice(NOTIFICATION_EVENTS)),
    added: "when it fires: `started`, `successful`, `failed`, `error`, `canceled` (default `failed`, `error`)",
  },
  all_templates: {
    ...change,
    output: z.boolean(),
    column: "allTemplates",
    input: boolean(),
    added: "true (default): jobs of every template and ad-hoc commands",
  },
  templates: {
    ...change,
    output: z.array(z.number().int()),
    column: "templateIds",
    input: list(primaryKey({ nullable: false }), { allowEmpty: true, maxItems: 1000 }),
    added: "with `all_templates` false: only jobs of these templates",
  },
  url: { ...change, output: text, column: "url", input: string({ maxLength: 2048 }), added: "where a webhook or robot is posted (http or https)" },
  secret: { ...secret(512), column: "hasSecret", added: "the robot's signing secret (DingTalk, Feishu) or the webhook's HMAC key; write-only" },
  smtp_host: { ...change, output: text, column: "smtpHost", input: string({ maxLength: 255 }), added: "email: the SMTP server" },
  smtp_port: { ...change, output: z.number().int(), column: "smtpPort", input: integer({ min: 1, max: 65535 }), added: "email: its port (default 587)" },
  smtp_tls: { ...change, output: z.enum(SMTP_TLS), column: "smtpTls", input: choice(SMTP_TLS), added: "email: `starttls` (default), `tls` or `none`" },
  smtp_username: { ...change, output: text, column: "smtpUsername", input: string({ maxLength: 255 }), added: "email: the SMTP login (empty: none)" },
  smtp_password: { ...secret(512), column: "hasSmtpPassword", added: "email: the SMTP password; write-only" },
  smtp_from: { ...change, output: text, column: "smtpFrom", input: string({ maxLength: 255 }), added: "email: the sender address" },
  smtp_to: {
    ...change,
    output: z.array(text),
    column: "smtpTo",
    input: list(string({ maxLength: 255, allowBlank: false }), { allowEmpty: true, maxItems: 100 }),
    added: "email: the recipients",
  },
  ctime: { output: z.number(), column: "ctime", orderable: true },
} as const satisfies Contract;

export const NOTIFICATION_INPUT_FIELDS = inputSpec(NOTIFICATION_FIELDS, keysWith(NOTIFICATION_FIELDS, "input"));

/** The notification record, as the web UI reads it. */
export const NotificationRecord = recordSchema(NOTIFICATION_FIELDS);
export type NotificationRecord = z.infer<typeof NotificationRecord>;

export const toNotificationRecord: (row: Record<string, unknown>) => NotificationRecord = serializer(NOTIFICATION_FIELDS);

/** What a delivery attempt is about: a job's event, or the test action. */
export const DELIVERY_EVENTS = [...NOTIFICATION_EVENTS, "test"] as const;

/** One attempt to deliver a notification: `GET …/notification/<id>/deliveries/`, newest first. */
export const DeliveryRecord = z.object({
  id: z.number().int(),
  notification: z.number().int(),
  job: z.number().int().nullable(),
  event: z.enum(DELIVERY_EVENTS),
  attempt: z.number().int(),
  status: z.enum(["ok", "failed"]),
  response_code: z.number().int().nullable(),
  error: z.string(),
  /** another attempt is due then (Unix seconds); null: none will follow */
  retry_at: z.number().nullable(),
  time: z.number(),
});
export type DeliveryRecord = z.infer<typeof DeliveryRecord>;
