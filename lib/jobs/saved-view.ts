import { historyParsers, serializeHistorySearch, type HistorySearch } from "./history-search";

/** What a saved filter keeps of the history's URL: every key but the page. */
export const SAVED_VIEW_KEYS = Object.keys(historyParsers).filter((k) => k !== "page") as Exclude<keyof HistorySearch, "page">[];
export const MAX_SAVED_QUERY = 2000;

export const savedViewMessages = {
  unknownKey: (key: string) => `“${key}” 不是作业历史页面的参数。`,
  repeatedKey: (key: string) => `“${key}” 只能出现一次。`,
  badValue: (key: string, value: string) => `“${key}” 的值 “${value.length > 100 ? `${value.slice(0, 100)}…` : value}” 无效。`,
};

/**
 * A history query (`state=failed&ordering=-duration`, a leading `?` allowed) read with the
 * page's own parsers: the same query in the page's order without defaults, or what is wrong.
 * The page number is not part of a view: `page` is refused like any unknown key.
 */
export function normalizeSavedView(raw: string): { query: string; errors: string[] } {
  const params = new URLSearchParams(raw.startsWith("?") ? raw.slice(1) : raw);
  const errors: string[] = [];
  const values: Partial<HistorySearch> = {};
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (!(SAVED_VIEW_KEYS as string[]).includes(key)) {
      errors.push(savedViewMessages.unknownKey(key));
      continue;
    }
    if (seen.has(key)) {
      errors.push(savedViewMessages.repeatedKey(key));
      continue;
    }
    seen.add(key);
    const parsed = historyParsers[key as keyof typeof historyParsers].parse(value);
    if (parsed === null) errors.push(savedViewMessages.badValue(key, value));
    else (values as Record<string, unknown>)[key] = parsed;
  }
  return { query: errors.length ? "" : serializeHistorySearch(values).replace(/^\?/, ""), errors };
}

/** The history's current view as a saved filter keeps it (its page dropped). */
export const savedViewOf = (search: HistorySearch): string => serializeHistorySearch({ ...search, page: null }).replace(/^\?/, "");

/** Where a saved view opens: the history with its query. */
export const savedViewHref = (query: string): string => (query ? `/jobs?${query}` : "/jobs");
