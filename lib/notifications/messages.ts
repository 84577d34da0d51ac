import { echo } from "../drf/messages";

/** The notification API's own 400 messages (beyond DRF's), in the catalog's wording. */
export const notificationMessages = {
  urlRequired: "该类型的通知需要填写 URL（webhook 或机器人地址）。",
  smtpHostRequired: "邮件通知需要填写 SMTP 服务器。",
  smtpFromRequired: "邮件通知需要填写发件人地址。",
  smtpToRequired: "邮件通知至少需要一个收件人。",
  badRecipient: (address: string) => `“${echo(address)}” 不是有效的 Email 地址。`,
  templatesRequired: "请至少选择一个模板，或选择“全部模板”。",
} as const;
