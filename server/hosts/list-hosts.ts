import type { Db } from "@/db/client";
import { hosts } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { HOST_LIST } from "./host-list-spec";

/** The hosts seen in jobs: `?name=`, `?search=`, `?last_status(__in)=`, `?last_seen__gte/lte=`, ordering (default newest id first), paging. */
export function listHosts(db: Db, url: URL) {
  return listResource(db, hosts, HOST_LIST, (d) => d.select().from(hosts).$dynamic(), url);
}
