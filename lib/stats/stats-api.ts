import { fetchJson } from "../api/http";
import { JobStats } from "../contracts/stats";

/** `GET /api/job/stats/` with the history's filters (template, inventory, project, host…), `days` and `timezone`. */
export const fetchStats = (query: URLSearchParams, signal?: AbortSignal) => fetchJson(`/api/job/stats/?${query}`, { signal }, JobStats);
