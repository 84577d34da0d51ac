import { z } from "zod";
import { fetchJson } from "../api/http";
import { RetentionCounts, RetentionSettingsRecord } from "../contracts/retention";

const URL_ = "/api/job/settings/retention/";

/** A PUT body: numbers may go as the text typed, the server says what is wrong with it. */
export type RetentionChange = Record<"enabled" | "job_days" | "keep_per_template" | "output_days" | "run_at", unknown>;

export const fetchRetention = (signal?: AbortSignal) => fetchJson(URL_, { signal }, RetentionSettingsRecord);

export const updateRetention = (body: RetentionChange) => fetchJson(URL_, { method: "PUT", body: JSON.stringify(body) }, RetentionSettingsRecord);

export const dryRunRetention = () =>
  fetchJson(`${URL_}run/`, { method: "POST", body: JSON.stringify({ dry_run: true }) }, RetentionCounts.extend({ dry_run: z.literal(true) }));

export const runRetention = () =>
  fetchJson(
    `${URL_}run/`,
    { method: "POST", body: JSON.stringify({ dry_run: false }) },
    RetentionCounts.extend({ dry_run: z.literal(false), errors: z.array(z.string()) }),
  );
