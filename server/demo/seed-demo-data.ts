import type { Db } from "@/db/client";
import type { Config } from "../config";

export async function seedDemoData(_db: Db, _opts: { config: Config; adminUserId: number }): Promise<void> {}
