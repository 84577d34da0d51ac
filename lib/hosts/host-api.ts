import { fetchJson } from "../api/http";
import { HostRecord, HostResult } from "../contracts/host";
import { drfPage } from "../jobs/job-record";

const HOSTS = "/api/job/host/";
export const HostPage = drfPage(HostRecord);
export const HostResultPage = drfPage(HostResult);

export const fetchHosts = (query: URLSearchParams, signal?: AbortSignal) => fetchJson(`${HOSTS}?${query}`, { signal }, HostPage);

/** A host by its name (`?name=` is exact), or null when no job has reached it. */
export async function fetchHostByName(name: string, signal?: AbortSignal): Promise<HostRecord | null> {
  const page = await fetchJson(`${HOSTS}?${new URLSearchParams({ name })}`, { signal }, HostPage);
  return page.results[0] ?? null;
}

export const fetchHostResults = (id: number, query: URLSearchParams, signal?: AbortSignal) =>
  fetchJson(`${HOSTS}${id}/results/?${query}`, { signal }, HostResultPage);

/** A host's page in the web UI. */
export const hostHref = (name: string) => `/hosts/${encodeURIComponent(name)}`;
