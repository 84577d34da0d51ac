import { fetchJson, schemaOf } from "../api/http";

const SAVED = "/api/job/saved-filter/";

// the schemas load with the first answer they check, so zod is not in the pages' first JavaScript
const records = () => import("./saved-filter-records");
const record = schemaOf(records, "SavedFilterRecord");

/** The caller's saved filters by name (a user keeps at most 200: one page). */
export const fetchSavedFilters = (signal?: AbortSignal) => fetchJson(`${SAVED}?ordering=name&limit=1000`, { signal }, schemaOf(records, "SavedFilterPage"));

export const createSavedFilter = (body: { name: string; query: string }) => fetchJson(SAVED, { method: "POST", body: JSON.stringify(body) }, record);

export const renameSavedFilter = (id: number, name: string) => fetchJson(`${SAVED}${id}/`, { method: "PATCH", body: JSON.stringify({ name }) }, record);

export const deleteSavedFilter = (id: number) => fetchJson<null>(`${SAVED}${id}/`, { method: "DELETE" });
