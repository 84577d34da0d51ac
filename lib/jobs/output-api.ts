import { z } from "zod";
import { fetchJson } from "../api/http";
import { HOST_STATUSES } from "./enums";
import { drfPage, JobRecord } from "./job-record";

const jobPath = (id: number) => `/api/job/job/${id}/`;

/** `GET .../lines/`: a window of stored lines, `next` the line to ask from for more. */
export const LinesPage = z.object({
  total: z.number().int(),
  state: z.string(),
  lines: z.array(z.tuple([z.number().int(), z.string()])),
  next: z.number().int().nullable(),
});
export type LinesPage = z.infer<typeof LinesPage>;

export type LinesQuery = { start: number; limit: number; search?: string; host?: string };

export function fetchLines(id: number, q: LinesQuery, signal?: AbortSignal): Promise<LinesPage> {
  const params = new URLSearchParams({ start: String(q.start), limit: String(q.limit) });
  if (q.search) params.set("search", q.search);
  if (q.host) params.set("host", q.host);
  return fetchJson(`${jobPath(id)}lines/?${params}`, { signal }, LinesPage);
}

export const HostSummary = z.object({
  host: z.string(),
  ok: z.number().int(),
  changed: z.number().int(),
  failures: z.number().int(),
  unreachable: z.number().int(),
  skipped: z.number().int(),
  rescued: z.number().int(),
  ignored: z.number().int(),
  failed: z.boolean(),
  status: z.enum(HOST_STATUSES),
  /** the first task that failed on the host (not ignored, not rescued), and its message */
  first_failed_task: z.string(),
  first_failed_message: z.string(),
});
export type HostSummary = z.infer<typeof HostSummary>;
export const HostSummaryPage = drfPage(HostSummary);
export type HostSummaryPage = z.infer<typeof HostSummaryPage>;

/** At most this many hosts are listed; the count says how many there are. */
export const HOSTS_SHOWN = 500;

export const fetchHostSummaries = (id: number, signal?: AbortSignal) => fetchJson(`${jobPath(id)}hosts/?limit=${HOSTS_SHOWN}`, { signal }, HostSummaryPage);

/** 202 with the job; 409 when it is no longer waiting or running. */
export const cancelJob = (id: number) => fetchJson(`${jobPath(id)}cancel/`, { method: "POST", body: "{}" }, JobRecord);

export type RelaunchBody = { hosts: "all" | "failed"; start_at?: "copied" | "failed_task" } & Record<string, unknown>;

export const relaunchJob = (id: number, body: RelaunchBody) => fetchJson(`${jobPath(id)}relaunch/`, { method: "POST", body: JSON.stringify(body) }, JobRecord);

/** `GET .../relaunch/`: the failed hosts, and the task a re-run of them can start at (or why none). */
export const RelaunchOptions = z.object({
  failed_hosts: z.array(z.string()),
  failed_task: z.object({ name: z.string(), play: z.string(), path: z.string(), hosts: z.array(z.string()), start_at_task: z.string() }).nullable(),
  failed_task_error: z.string().nullable(),
});
export type RelaunchOptions = z.infer<typeof RelaunchOptions>;

export const fetchRelaunchOptions = (id: number, signal?: AbortSignal) => fetchJson(`${jobPath(id)}relaunch/`, { signal }, RelaunchOptions);

export const streamUrl = (id: number, after: number) => `${jobPath(id)}stream/?after=${after}`;

export const stdoutDownloadUrl = (id: number, format: "txt" | "ansi") => `${jobPath(id)}stdout/?format=${format}&download=1`;
