import { getTableColumns, sql, type AnyColumn } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { NOTIFICATION_LIST } from "./notification-fields";

const isSet = (secret: AnyColumn) => sql<boolean>`${secret} <> ''`;

/** The list reads no ciphertext: of each secret only whether it is set. */
function listedColumns() {
  const { secret: _secret, smtpPassword: _password, ...columns } = getTableColumns(notifications);
  return { ...columns, hasSecret: isSet(notifications.secret), hasSmtpPassword: isSet(notifications.smtpPassword) };
}

const LISTED = listedColumns();

export async function listNotifications(db: Db, url: URL) {
  return listResource(db, notifications, NOTIFICATION_LIST, (d) => d.select(LISTED).from(notifications).$dynamic(), url);
}
