import { notFound } from "next/navigation";
import type { Db } from "@/db/client";
import { getContext } from "../context";
import { NotFound } from "@/core/errors";
import { pathId } from "../http/route";
import { requirePageUser } from "./page-user";

/**
 * What a detail page (`/jobs/<id>`, `/templates/<id>`, …) loads on the server: the caller
 * must hold a live session (proxy.ts only saw that a cookie is there; this page reads the
 * database itself), and an unknown or non-numeric id is a real 404 page.
 */
export async function loadPageRecord<T>(path: string, id: string, load: (db: Db, id: number) => Promise<T>): Promise<T> {
  await requirePageUser(path);
  try {
    return await load((await getContext()).db, pathId(id));
  } catch (e) {
    if (e instanceof NotFound) notFound();
    throw e;
  }
}
