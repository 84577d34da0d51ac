import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { USER_LIST } from "./user-fields";

/** The admin's user list: `?username=`-style exact `name`, `search`, `ordering`, pagination. */
export function listUsers(db: Db, url: URL) {
  return listResource(db, users, USER_LIST, (d: Db) => d.select().from(users).$dynamic(), url);
}
