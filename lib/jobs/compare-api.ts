import { fetchJson, schemaOf } from "../api/http";

// the schemas load with the first answer they check, so zod is not in the pages' first JavaScript
const records = () => import("../contracts/job-compare");

const comparePath = (a: number, b: number) => `/api/job/job/${a}/compare/${b}/`;

export const fetchComparison = (a: number, b: number, signal?: AbortSignal) => fetchJson(comparePath(a, b), { signal }, schemaOf(records, "JobComparison"));

export const fetchOutputDiff = (a: number, b: number, from: { a: number; b: number }, lines: number, signal?: AbortSignal) =>
  fetchJson(`${comparePath(a, b)}output/?a_from=${from.a}&b_from=${from.b}&lines=${lines}`, { signal }, schemaOf(records, "OutputDiffWindow"));

export const fetchCompareCandidates = (id: number, signal?: AbortSignal) =>
  fetchJson(`/api/job/job/${id}/compare/`, { signal }, schemaOf(records, "CompareCandidates"));

/** The page that compares run `a` with run `b`. */
export const comparePagePath = (a: number, b: number) => `/jobs/${a}/compare/${b}`;
