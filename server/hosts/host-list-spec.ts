import { hosts } from "@/db/schema";
import { HOST_FIELDS } from "@/lib/contracts/host";
import { listSpecOf } from "../drf/list-query";

/** The host list's filters, search and ordering, from the contract. */
export const HOST_LIST = listSpecOf(HOST_FIELDS, (c) => hosts[c as keyof typeof hosts.$inferSelect]);
