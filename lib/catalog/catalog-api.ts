import type { z } from "zod";
import { fetchJson } from "../api/http";
import { DeliveryRecord } from "../contracts/notification";
import { TemplateLaunchRecord } from "../contracts/template-launch";
import { drfPage, JobRecord } from "../jobs/job-record";
import { CATALOG_RECORDS, catalogPage, ProjectFolders, ProjectRecord, type CatalogKind, type CatalogRecords } from "./catalog-records";

export const catalogPath = (kind: CatalogKind) => `/api/job/${kind}/`;

const record = <K extends CatalogKind>(kind: K) => CATALOG_RECORDS[kind] as unknown as z.ZodType<CatalogRecords[K]>;

export const fetchCatalogPage = <K extends CatalogKind>(kind: K, query: URLSearchParams, signal?: AbortSignal) =>
  fetchJson(`${catalogPath(kind)}?${query}`, { signal }, catalogPage(kind));

export const fetchCatalogItem = <K extends CatalogKind>(kind: K, id: number, signal?: AbortSignal) =>
  fetchJson(`${catalogPath(kind)}${id}/`, { signal }, record(kind));

/** POST a new object, or PATCH the given keys of an existing one. */
export const saveCatalogItem = <K extends CatalogKind>(kind: K, id: number | null, body: Record<string, unknown>) =>
  fetchJson(
    id === null ? catalogPath(kind) : `${catalogPath(kind)}${id}/`,
    { method: id === null ? "POST" : "PATCH", body: JSON.stringify(body) },
    record(kind),
  );

export const deleteCatalogItem = (kind: CatalogKind, id: number) => fetchJson<null>(`${catalogPath(kind)}${id}/`, { method: "DELETE" });

/** Launches a template; `prompts` sets what it asks for at launch (the answer lists what it ignored). */
export const launchTemplate = (id: number, prompts: Record<string, unknown> = {}) =>
  fetchJson(`${catalogPath("template")}${id}/launch/`, { method: "POST", body: JSON.stringify(prompts) }, TemplateLaunchRecord);

export const launchSchedule = (id: number) => fetchJson(`${catalogPath("schedule")}${id}/launch/`, { method: "POST", body: "{}" }, JobRecord);

/** Clones or fetches a git project, rescans a manual one's folder. */
export const syncProject = (id: number) => fetchJson(`${catalogPath("project")}${id}/update/`, { method: "POST", body: "{}" }, ProjectRecord);

export const fetchProjectFolders = (signal?: AbortSignal) => fetchJson(`${catalogPath("project")}folders/`, { signal }, ProjectFolders);

/** A notification's delivery log, newest first. */
export const fetchDeliveries = (id: number, query: URLSearchParams, signal?: AbortSignal) =>
  fetchJson(`${catalogPath("notification")}${id}/deliveries/?${query}`, { signal }, drfPage(DeliveryRecord));

/** Sends a sample message now; the answer is the attempt, delivered or not. */
export const sendTestNotification = (id: number) => fetchJson(`${catalogPath("notification")}${id}/test/`, { method: "POST", body: "{}" }, DeliveryRecord);
