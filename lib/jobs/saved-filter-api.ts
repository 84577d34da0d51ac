import { fetchJson } from "../api/http";
import { SavedFilterRecord } from "../contracts/saved-filter";
import { drfPage } from "./job-record";

const SAVED = "/api/job/saved-filter/";
const SavedFilterPage = drfPage(SavedFilterRecord);

/** The caller's saved filters by name (a user keeps at most 200: one page). */
export const fetchSavedFilters = (signal?: AbortSignal) => fetchJson(`${SAVED}?ordering=name&limit=1000`, { signal }, SavedFilterPage);

export const createSavedFilter = (body: { name: string; query: string }) => fetchJson(SAVED, { method: "POST", body: JSON.stringify(body) }, SavedFilterRecord);

export const renameSavedFilter = (id: number, name: string) =>
  fetchJson(`${SAVED}${id}/`, { method: "PATCH", body: JSON.stringify({ name }) }, SavedFilterRecord);

export const deleteSavedFilter = (id: number) => fetchJson<null>(`${SAVED}${id}/`, { method: "DELETE" });
