import { createLoader, createParser, createSerializer, parseAsNumberLiteral, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { browserZone, wallToUnix } from "../clock/zone-clock";
import { parseId } from "../ids";
import { JOB_KINDS, JOB_STATES, type JobState } from "./enums";

// One set of parsers for the server page (which drops what does not parse) and the
// client (useQueryStates): the URL is the history's whole state.

const parseAsId = createParser({
  parse: (v) => parseId(v) || null,
  serialize: String,
});

const parseAsPage = createParser({
  parse: (v) => (/^\d{1,6}$/.test(v) && Number(v) >= 1 ? Number(v) : null),
  serialize: String,
});

/**
 * A wall-clock bound of the time filter: a calendar day `YYYY-MM-DD` (the links of before
 * issue 17) or a minute `YYYY-MM-DDTHH:MM` (a datetime-local input's value), in the viewer's zone.
 */
const parseAsWall = createParser({
  parse: (v) => (isWallTime(v) ? v : null),
  serialize: (v: string) => v,
});

/** One or more states, `failed,error`: each known, each once (kept in the states' order). */
const parseAsStates = createParser<JobState[]>({
  parse: (v) => {
    const parts = v.split(",");
    if (!parts.every((p) => (JOB_STATES as readonly string[]).includes(p))) return null;
    return JOB_STATES.filter((s) => parts.includes(s));
  },
  serialize: (v) => v.join(","),
  eq: (a, b) => a.join(",") === b.join(","),
});

/** A rolling period back from now: the time filter's presets. */
export const SINCE_PRESETS = { "1h": 3600, "24h": 86_400, "7d": 7 * 86_400, "30d": 30 * 86_400 } as const;
export type SincePreset = keyof typeof SINCE_PRESETS;

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, a time that exists on the calendar. */
export function isWallTime(v: string): boolean {
  return wallToUnix(v, "UTC") !== null;
}

/** `YYYY-MM-DD`, a day that exists. */
export function isDay(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && isWallTime(v);
}

/** Columns the table sorts by (record keys the API's `ordering` accepts). */
export const SORT_FIELDS = [
  "id",
  "template_name",
  "kind",
  "state",
  "user",
  "inventory_name",
  "credential_name",
  "project_name",
  "schedule_name",
  "start_time",
  "duration",
] as const;
export type SortField = (typeof SORT_FIELDS)[number];
const ORDERINGS = SORT_FIELDS.flatMap((f) => [f, `-${f}`] as const);
export const DEFAULT_ORDERING = "-id";

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_SEARCH = 200;
export const MAX_HOST = 255;

export const historyParsers = {
  template: parseAsId,
  inventory: parseAsId,
  credential: parseAsId,
  schedule: parseAsId,
  project: parseAsId,
  cuser: parseAsId,
  job: parseAsId,
  state: parseAsStates,
  kind: parseAsStringLiteral(JOB_KINDS),
  /** a host the jobs ran on (its exact name) */
  host: createParser({
    parse: (v) => (v.trim() && v.length <= MAX_HOST ? v.trim() : null),
    serialize: (v: string) => v,
  }),
  search: createParser({
    parse: (v) => (v.trim() && v.length <= MAX_SEARCH ? v : null),
    serialize: (v: string) => v,
  }).withDefault(""),
  from: parseAsWall,
  to: parseAsWall,
  /** the last hour, day, 7 or 30 days, whatever the time now (a shared link keeps meaning "the last hour") */
  since: parseAsStringLiteral(Object.keys(SINCE_PRESETS) as SincePreset[]),
  ordering: parseAsStringLiteral(ORDERINGS).withDefault(DEFAULT_ORDERING),
  page: parseAsPage.withDefault(1),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
};

export type HistorySearch = inferParserType<typeof historyParsers>;
export type HistoryFilterKey = Exclude<keyof HistorySearch, "ordering" | "page" | "size">;
export const FILTER_KEYS = Object.keys(historyParsers).filter((k) => !["ordering", "page", "size"].includes(k)) as HistoryFilterKey[];

export const loadHistorySearch = createLoader(historyParsers);
export const serializeHistorySearch = createSerializer(historyParsers);

/** A link to the history filtered by one or more values, e.g. `historyHref({ template: 3 })`. */
export const historyHref = (values: Partial<HistorySearch>) => `/jobs${serializeHistorySearch(values)}`;

/**
 * Keys of the raw query that are the history's but do not parse (`?state=bogus`,
 * `?page=-3`): the page drops them from the URL instead of failing.
 */
export function invalidHistoryKeys(raw: Record<string, string | string[] | undefined>): string[] {
  const bad: string[] = [];
  for (const [key, parser] of Object.entries(historyParsers)) {
    const v = raw[key];
    if (v === undefined) continue;
    const one = Array.isArray(v) ? v : [v];
    if (one.length !== 1 || parser.parse(one[0]!) === null) bad.push(key);
  }
  return bad;
}

/**
 * The list API's query for the history's state; the range's wall clocks read in `zone`
 * (the viewer's: their setting, else the browser's). A day `to` ends with its day, a minute
 * `to` with its minute. A preset period counts back from `now` (Unix seconds), taken to the
 * minute so the query stays the same for a minute.
 */
export function historyApiQuery(s: HistorySearch, now = Math.floor(Date.now() / 1000), zone = browserZone()): URLSearchParams {
  const q = new URLSearchParams();
  q.set("limit", String(s.size));
  if (s.page > 1) q.set("offset", String((s.page - 1) * s.size));
  q.set("ordering", s.ordering);
  for (const key of ["template", "inventory", "credential", "schedule", "project", "cuser", "job", "kind"] as const) {
    const v = s[key];
    if (v !== null) q.set(key, String(v));
  }
  if (s.state?.length === 1) q.set("state", s.state[0]!);
  else if (s.state?.length) q.set("state__in", s.state.join(","));
  if (s.host) q.set("host", s.host);
  if (s.search.trim()) q.set("search", s.search.trim());
  if (s.since) q.set("start_time__gte", String(now - (now % 60) - SINCE_PRESETS[s.since]));
  else {
    const from = s.from === null ? null : wallToUnix(s.from, zone);
    const to = s.to === null ? null : rangeEnd(s.to, zone);
    if (from !== null) q.set("start_time__gte", String(from));
    if (to !== null) q.set("start_time__lte", String(to));
  }
  return q;
}

/** The last second a `to` bound covers: the end of its day, or of its minute. */
function rangeEnd(wall: string, zone: string): number | null {
  if (!isDay(wall)) {
    const start = wallToUnix(wall, zone);
    return start === null ? null : start + 59;
  }
  const next = new Date(Date.parse(`${wall}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const start = wallToUnix(next, zone);
  return start === null ? null : start - 1;
}

/**
 * The CSV export of the history's state: every matching job in its order (no page), times
 * (and the range's bounds) in `timeZone`, the viewer's, so the file says what the table shows.
 */
export function historyCsvHref(s: HistorySearch, timeZone?: string, now?: number): string {
  const q = historyApiQuery(s, now, timeZone);
  q.delete("limit");
  q.delete("offset");
  q.set("format", "csv");
  if (timeZone) q.set("timezone", timeZone);
  return `/api/job/job/?${q}`;
}
