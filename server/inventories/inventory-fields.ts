import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { inventories } from "@/db/schema";
import { INVENTORY_FIELDS as INVENTORY_CONTRACT, INVENTORY_INPUT_FIELDS, INVENTORY_ORDERABLE_KEYS } from "@/lib/contracts/inventory";

export const INVENTORY_FIELDS = INVENTORY_INPUT_FIELDS;

export const INVENTORY_ORDERABLE: Record<string, AnyPgColumn> = Object.fromEntries(
  INVENTORY_ORDERABLE_KEYS.map((key) => [key, inventories[INVENTORY_CONTRACT[key].column]]),
);
