/**
 * The job queries' cache keys, one list for the browser's hooks and the server pages that
 * fill the cache before the first paint (the same key finds the same data).
 */
export const jobKeys = {
  all: ["jobs"] as const,
  list: (query: string) => ["jobs", "list", query] as const,
  one: (id: number) => ["jobs", "one", id] as const,
  /** the first window of a job's output lines (`lines/?start=1&limit=500`) */
  firstLines: (id: number) => ["jobs", "lines", id, 1] as const,
};
