import { inventories } from "@/db/schema";
import { INVENTORY_FIELDS as INVENTORY_CONTRACT, INVENTORY_INPUT_FIELDS } from "@/lib/contracts/inventory";
import { listSpecOf } from "../drf/list-query";

export const INVENTORY_FIELDS = INVENTORY_INPUT_FIELDS;

/** The inventory list's filters, search and ordering, from the contract. */
export const INVENTORY_LIST = listSpecOf(INVENTORY_CONTRACT, (c) => inventories[c as keyof typeof inventories.$inferSelect]);
