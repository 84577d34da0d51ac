import { notifications } from "@/db/schema";
import { NOTIFICATION_FIELDS as NOTIFICATION_CONTRACT, NOTIFICATION_INPUT_FIELDS } from "@/lib/contracts/notification";
import { listSpecOf } from "../drf/list-query";

export const NOTIFICATION_FIELDS = NOTIFICATION_INPUT_FIELDS;

/** The notification list's filters, search and ordering, from the contract (no secret is any of them). */
export const NOTIFICATION_LIST = listSpecOf(NOTIFICATION_CONTRACT, (c) => notifications[c as keyof typeof notifications.$inferSelect]);
