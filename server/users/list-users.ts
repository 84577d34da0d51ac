import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { USER_ORDERABLE } from "./user-fields";

/** The admin's user list: `?username=`-style exact `name`, `search`, `ordering`, pagination. */
export function listUsers(db: Db, url: URL) {
  return listResource(
    db,
    {
      table: users,
      orderable: USER_ORDERABLE,
      name: users.username,
      search: [users.username, users.displayName],
      select: (d: Db) => d.select().from(users).$dynamic(),
    },
    url,
  );
}
